using HsmBlueGreen.Rotate.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new CliHost(Commands.All()).RunAsync(args, CliContext.ForProcess(cancellation.Token)).ConfigureAwait(false);
