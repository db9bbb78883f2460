await Console.Error.WriteLineAsync("HsmBlueGreen.Infra: not built yet").ConfigureAwait(false);
return 2;
