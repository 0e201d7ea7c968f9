using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using Mediator;

namespace AlertsPanel.Application.Customers.GetCustomer;

public sealed record GetCustomerQuery(string Cid) : IQuery<CustomerDto>;

public sealed class GetCustomerQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetCustomerQuery, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(GetCustomerQuery query, CancellationToken cancellationToken) =>
        mapper.Map<CustomerDto>(await db.CustomerAsync(query.Cid, cancellationToken));
}
