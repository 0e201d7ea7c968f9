using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Domain.Connections;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Connections.SaveConnection;

/// <summary>
/// Creates a connection (POST: 409 if the name is taken) or puts one under its name (PUT: creates or
/// replaces; a secret sent as "***" keeps the stored one, so settings can change without re-sending secrets).
/// </summary>
public sealed record SaveConnectionCommand(string Cid, string? Name, string? Type, JsonObject? Settings, bool Replace) : ICommand<ConnectionDto>;

public sealed partial class SaveConnectionCommandValidator : AbstractValidator<SaveConnectionCommand>
{
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();

    public SaveConnectionCommandValidator()
    {
        RuleFor(c => c.Name).Must(n => n is not null && NamePattern().IsMatch(n))
            .WithName("name").WithMessage("a name of 1 to 64 letters, digits, '_', '.' or '-' is required");
        RuleFor(c => c.Type).Must(t => t is not null && ConnectionTypes.Settings.ContainsKey(t))
            .WithName("type").WithMessage($"the type must be one of {string.Join(", ", ConnectionTypes.Names)}");
        RuleFor(c => c.Settings).NotNull().WithName("settings").WithMessage("settings (an object) are required");
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.Settings is null || command.Type is null || !ConnectionTypes.Settings.TryGetValue(command.Type, out var definitions))
            {
                return;
            }
            foreach (var name in command.Settings.Select(s => s.Key).Where(k => definitions.All(d => d.Name != k)))
            {
                context.AddFailure($"settings.{name}", $"is not a setting of {command.Type} connections; they are {string.Join(", ", definitions.Select(d => d.Name))}");
            }
            foreach (var setting in definitions)
            {
                var value = command.Settings[setting.Name];
                if (value is null)
                {
                    if (setting.Required)
                    {
                        context.AddFailure($"settings.{setting.Name}", "is required");
                    }
                }
                // "***" stands for the stored secret on a PUT; whether one is stored is the handler's check.
                else if (!(setting.Secret && command.Replace && ConnectionTypes.TextOf(value) == ConnectionTypes.Masked)
                    && ConnectionTypes.Problem(setting, value) is { } problem)
                {
                    context.AddFailure($"settings.{setting.Name}", problem);
                }
            }
        });
    }
}

public sealed class SaveConnectionCommandHandler(IAppDbContext db, ISecretProtector protector, TimeProvider clock)
    : ICommandHandler<SaveConnectionCommand, ConnectionDto>
{
    public async ValueTask<ConnectionDto> Handle(SaveConnectionCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(command.Cid, cancellationToken);
        var (cid, name, type) = (customer.Cid, command.Name!, command.Type!);
        var existing = await db.Connections.SingleOrDefaultAsync(c => c.CustomerCid == cid && c.Name == name, cancellationToken);
        if (existing is not null && !command.Replace)
        {
            throw new ConflictException($"The customer already has a connection named '{name}'; PUT it to replace it.");
        }

        var kept = existing is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(existing.ProtectedSecrets))!;
        var plain = new JsonObject();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in ConnectionTypes.Settings[type])
        {
            var value = ConnectionTypes.TextOf(command.Settings![setting.Name]) ?? setting.Default;
            if (value is null)
            {
                continue;
            }
            if (!setting.Secret)
            {
                plain[setting.Name] = setting.Kind == SettingKind.Port ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;
                continue;
            }
            if (value == ConnectionTypes.Masked)
            {
                value = kept.GetValueOrDefault(setting.Name)
                    ?? throw Common.Exceptions.ValidationException.For($"settings.{setting.Name}", "\"***\" keeps the stored secret, but none is stored: send the secret itself");
            }
            secrets[setting.Name] = value;
            plain[setting.Name] = ConnectionTypes.Masked;
        }

        var protectedSecrets = protector.Protect(JsonSerializer.Serialize(secrets));
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = Connection.Create(cid, name, type, plain.ToJsonString(), protectedSecrets, now);
            db.Connections.Add(existing);
        }
        else
        {
            existing.Replace(type, plain.ToJsonString(), protectedSecrets, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ConnectionDto.From(existing);
    }
}
