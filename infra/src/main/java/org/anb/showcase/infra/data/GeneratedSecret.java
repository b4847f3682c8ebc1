package org.anb.showcase.infra.data;

import org.anb.showcase.infra.StackConfig;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.aws.secretsmanager.outputs.GetRandomPasswordResult;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * A secret the stack makes itself: drawn by Secrets Manager's random password on the first {@code pulumi up} and
 * kept in Secrets Manager. Nothing is set by hand or committed, so a clean CI runner previews and deploys with the
 * committed stack files alone (the random provider is not on this project's registry; this needs none). A new value
 * is drawn on every run but ignored once a version exists, so the secret stays put until it is rotated on purpose
 * with {@code pulumi up --replace <its SecretVersion's urn>} (docs/operations.md).
 */
public final class GeneratedSecret {
    private static final int LENGTH = 64;

    private final Secret secret;
    private final SecretVersion version;

    private GeneratedSecret(Secret secret, SecretVersion version) {
        this.secret = secret;
        this.version = version;
    }

    /**
     * A secret named {@code secretName} in Secrets Manager, its resources named {@code name}, under {@code parent};
     * once deleted it can be recovered for {@code config.secretRecoveryDays()} (none in dev, which must be recreatable
     * at once under the same name).
     */
    public static GeneratedSecret create(String name, String secretName, String description, StackConfig config,
                                         Resource parent) {
        var secret = new Secret(name, SecretArgs.builder().name(secretName).description(description)
                .recoveryWindowInDays(config.secretRecoveryDays()).build(),
                CustomResourceOptions.builder().parent(parent).build());
        Output<String> drawn = SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                        .passwordLength(LENGTH).excludePunctuation(true).build())
                .applyValue(GetRandomPasswordResult::randomPassword);
        var version = new SecretVersion(name, SecretVersionArgs.builder().secretId(secret.id())
                .secretString(drawn.asSecret()).build(),
                CustomResourceOptions.builder().parent(parent).ignoreChanges("secretString").build());
        return new GeneratedSecret(secret, version);
    }

    public Output<String> arn() {
        return secret.arn();
    }

    /** The value kept in Secrets Manager (a Pulumi secret: never shown in previews or logs). */
    public Output<String> value() {
        return version.secretString().applyValue(value -> value.orElse("")).asSecret();
    }
}
