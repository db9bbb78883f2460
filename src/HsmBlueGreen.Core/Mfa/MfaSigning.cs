namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// Fills and checks token and authdata files: each HSM's digest signed as a digest with
/// RSASSA-PKCS1-v1_5/SHA-256, exactly what `openssl pkeyutl -sign -pkeyopt digest:sha256` does.
/// </summary>
public static class MfaSigning
{
    /// <summary>The file's new text with every digest signed.</summary>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="publicKey">The public key to check against <paramref name="key"/> and, for authdata, to write.</param>
    /// <param name="force">Sign again a file that already has signatures.</param>
    public static string Sign(MfaFile file, string source, MfaPrivateKey key, MfaPublicKey? publicKey, bool force)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(key);
        if (file.SignedCount > 0 && !force)
        {
            throw new MfaInputException($"{source} is already signed ({file.SignedCount} of {file.Challenges.Count} signatures present); pass --force to sign it again.");
        }

        if (publicKey is not null && !publicKey.SameKeyAs(key.PublicKey))
        {
            throw new MfaInputException($"{publicKey.Source} is not the public half of {key.Source}; give the .pub file made with that key.");
        }

        if (publicKey is null && file is AuthDataFile { PublicKeyPem: { } registered })
        {
            RequireRegisteredKey(registered, source, key);
        }

        var signatures = file.Challenges.Select(c => SignChecked(key, c)).ToList();
        return file.Render(signatures, publicKey?.ToPem());
    }

    public static IReadOnlyList<MfaCheck> Verify(MfaFile file, MfaPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(publicKey);
        return file.Challenges.Select(c => new MfaCheck(c.Label, Check(c, publicKey))).ToList();
    }

    private static MfaCheckOutcome Check(MfaChallenge challenge, MfaPublicKey publicKey)
    {
        if (!challenge.IsSigned)
        {
            return MfaCheckOutcome.NotSigned;
        }

        var buffer = new byte[challenge.Signature!.Length];
        if (!Convert.TryFromBase64String(challenge.Signature, buffer, out var written))
        {
            return MfaCheckOutcome.NotBase64;
        }

        return publicKey.Verify(challenge.Digest, buffer.AsSpan(0, written)) ? MfaCheckOutcome.Valid : MfaCheckOutcome.DoesNotMatch;
    }

    // A bad signature would cost a login attempt on the HSM (and users lock after a few); catch it here.
    private static string SignChecked(MfaPrivateKey key, MfaChallenge challenge)
    {
        var signature = key.Sign(challenge.Digest);
        if (!key.PublicKey.Verify(challenge.Digest, signature))
        {
            throw new InvalidOperationException($"the signature made for {challenge.Label} does not verify with its own key.");
        }

        return Convert.ToBase64String(signature);
    }

    private static void RequireRegisteredKey(string registeredPem, string source, MfaPrivateKey key)
    {
        // Only a real PEM is checked: what cloudhsm_mgmt_util leaves there outside createUser/changePswd is not documented.
        if (KeyPem.FindKey(registeredPem) is null)
        {
            return;
        }

        using var registered = MfaPublicKey.FromPem(registeredPem, $"the PublicKey in {source}");
        if (!registered.SameKeyAs(key.PublicKey))
        {
            throw new MfaInputException($"the PublicKey in {source} is not the public half of {key.Source}; sign with the key registered for this user, or give --public-key to replace it.");
        }
    }
}
