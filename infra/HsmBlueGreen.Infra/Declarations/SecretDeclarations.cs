using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>The slot's Secrets Manager secret, declared empty: the step program writes its versions.</summary>
internal static class SecretDeclarations
{
    public static Resource Add(DeclaredResources declarations, StackSettings settings, SlotSettings slot)
    {
        var names = new SlotNames(slot.Color);
        var color = slot.Color.ToString().ToLowerInvariant();
        return declarations.Add(
            names.Secret,
            new SecretsManagerSecret(
                // A prefix, not a name: a slot retired and added again must not collide with the deleted secret's recovery window.
                $"{ProjectNamespace.Name}/{settings.Stack}/{color}/crypto-user-",
                $"CloudHSM crypto user '{slot.CryptoUser}' of the {color} slot (JSON: username, password)",
                settings.IsProduction ? 30 : 7)
            {
                Tags = Tags.For(settings, slot.Color, names.Secret),
            });
    }
}
