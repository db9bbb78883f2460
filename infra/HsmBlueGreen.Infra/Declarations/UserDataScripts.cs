using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// Boot scripts (Amazon Linux 2023). Both fetch the cluster's trust anchor from the SSM parameter and point
/// the CloudHSM software at the slot's own HSMs; a restored cluster keeps the original cluster certificate,
/// so both slots use the same CA. Shell dollars are escaped; the holes become Pulumi interpolations.
/// </summary>
internal static class UserDataScripts
{
    private const string Prelude = """
        #!/bin/bash
        set -euo pipefail
        token=$(curl -sf -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')
        region=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/placement/region)
        arch=$(uname -m)
        packages=https://s3.amazonaws.com/cloudhsmv2-software/CloudHsmClient/Amzn2023
        """;

    private const string TrustAnchor = """
        install -d -m 0755 /opt/cloudhsm/etc
        aws --region "$region" ssm get-parameter --name '{{caParameter}}' --query Parameter.Value --output text > /opt/cloudhsm/etc/customerCA.crt
        """;

    /// <summary>
    /// change-password has the new password in its argv (root, one call): hidepid=2 hides every process from users
    /// other than its owner (proc(5)), now, in fstab, and again at each boot by a unit in case the fstab options are
    /// not applied to /proc. ssm-user exists before the agent's first session, so the agent adds no sudoers file for it.
    /// </summary>
    private const string AdminPrivacy = """
        mount -o remount,hidepid=2 /proc
        grep -q '^proc /proc ' /etc/fstab || echo 'proc /proc proc defaults,hidepid=2 0 0' >> /etc/fstab
        cat > /etc/systemd/system/proc-hidepid.service <<'EOF'
        [Unit]
        Description=Hide other users' processes (/proc hidepid=2)
        DefaultDependencies=no
        After=systemd-remount-fs.service
        [Service]
        Type=oneshot
        ExecStart=/usr/bin/mount -o remount,hidepid=2 /proc
        [Install]
        WantedBy=sysinit.target
        EOF
        systemctl enable proc-hidepid.service
        id ssm-user >/dev/null 2>&1 || useradd --create-home --shell /bin/bash ssm-user
        rm -f /etc/sudoers.d/ssm-agent-users
        """;

    private const string AdminTemplate = Prelude + """

        # Admin host of the {{slot}} slot: CloudHSM CLI only, no application. The step program runs
        # cloudhsm-cli here through SSM Run Command; there is no SSH and no public address. Other users
        # (Session Manager's ssm-user included) see no process but their own and get no root.
        """ + "\n" + AdminPrivacy + """

        dnf install -y "$packages/cloudhsm-cli-latest.amzn2023.$arch.rpm"
        """ + "\n" + TrustAnchor + """

        # One cluster, configured by its HSMs' addresses and without a cluster id, so cloudhsm-cli calls name none.
        /opt/cloudhsm/bin/configure-cli -a {{hsmAddresses}}
        """;

    private const string ClientTemplate = Prelude + """

        # Application client of the {{slot}} slot: the PKCS#11 library configured for this slot's cluster only.
        dnf install -y "$packages/cloudhsm-pkcs11-latest.amzn2023.$arch.rpm"
        """ + "\n" + TrustAnchor + """

        /opt/cloudhsm/bin/configure-pkcs11 -a {{hsmAddresses}}
        install -d -m 0755 /etc/hsm-blue-green
        cat > /etc/hsm-blue-green/slot.env <<'EOF'
        HSM_SLOT={{slot}}
        HSM_CLUSTER_ID={{clusterId}}
        HSM_CRYPTO_USER={{cryptoUser}}
        HSM_SECRET_ARN={{secretArn}}
        # GetSecretValue must name this stage: the instance role allows only such requests, and one without a stage is refused.
        HSM_SECRET_STAGE={{secretStage}}
        EOF
        """;

    public static string Admin(StackSettings settings, SlotSettings slot, ClusterResources cluster) =>
        Interpolation.Fill(AdminTemplate + "\n", Common(settings, slot, cluster));

    public static string Client(StackSettings settings, SlotSettings slot, ClusterResources cluster, string secretArn)
    {
        var holes = Common(settings, slot, cluster);
        holes["clusterId"] = cluster.ClusterId;
        holes["cryptoUser"] = Interpolation.Escape(slot.CryptoUser);
        holes["secretArn"] = secretArn;
        holes["secretStage"] = SecretStages.Current;
        return Interpolation.Fill(ClientTemplate + "\n", holes);
    }

    private static Dictionary<string, string> Common(StackSettings settings, SlotSettings slot, ClusterResources cluster) => new(StringComparer.Ordinal)
    {
        ["slot"] = Interpolation.Escape(slot.Color.ToString().ToLowerInvariant()),
        ["caParameter"] = Interpolation.Escape(settings.CustomerCaParameter),
        ["hsmAddresses"] = string.Join(' ', cluster.HsmAddresses),
    };
}
