namespace HsmBlueGreen.Core.Secrets;

/// <summary>A crypto user's credential as a slot's secret holds it. Printing it shows the user, never the password.</summary>
public sealed record Credential(string Username, Sensitive Password);
