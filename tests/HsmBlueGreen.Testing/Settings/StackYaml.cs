namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>A valid two-slot stack file, and a way to change one line of it for each bad-input case.</summary>
internal static class StackYaml
{
    public const string Valid = """
        config:
          aws:region: eu-west-1
          hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680
          hsm-blue-green:hsmSubnets:
            eu-west-1a: subnet-0a1b2c3d4e5f60718
            eu-west-1b: subnet-0a1b2c3d4e5f60719
          hsm-blue-green:clientSubnets:
            eu-west-1a: subnet-0c2d4e6f8a0b1c3d5
            eu-west-1b: subnet-0c2d4e6f8a0b1c3d6
          hsm-blue-green:albSubnets:
            eu-west-1a: subnet-0e4f6a8b0c2d4e6f8
            eu-west-1b: subnet-0f5a7b9c1d3e5f7a9
          hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6
          hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1
          hsm-blue-green:customerCaParameter: /hsm-blue-green/test/customerCA.crt
          hsm-blue-green:slots:
            blue:
              clusterId: cluster-jxhlf7644ne
              cryptoUser: App_CU
              clientCount: 2
            green:
              sourceBackupId: backup-rtq2dwi2gq6
              cryptoUser: app_cu
              clientCount: 0
          hsm-blue-green:traffic:
            blue: 100
            green: 0
        """;

    /// <summary>Both slots on blue's cluster with two crypto users, and the application's key labels (dual-user).</summary>
    public static string DualUser => Replace(
        "      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n",
        "      clusterId: cluster-jxhlf7644ne\n      cryptoUser: app_cu2\n").Replace(
        "  hsm-blue-green:traffic:",
        "  hsm-blue-green:keyLabels:\n    - app-signing-key\n    - app-data-key\n  hsm-blue-green:traffic:",
        StringComparison.Ordinal);

    public static string Replace(string oldLine, string newLine)
    {
        Assert.Contains(oldLine, Valid, StringComparison.Ordinal);
        return Valid.Replace(oldLine, newLine, StringComparison.Ordinal);
    }
}
