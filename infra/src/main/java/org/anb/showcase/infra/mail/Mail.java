package org.anb.showcase.infra.mail;

import org.anb.showcase.infra.StackConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pulumi.aws.sesv2.ConfigurationSet;
import com.pulumi.aws.sesv2.ConfigurationSetArgs;
import com.pulumi.aws.sesv2.ConfigurationSetEventDestination;
import com.pulumi.aws.sesv2.ConfigurationSetEventDestinationArgs;
import com.pulumi.aws.sesv2.EmailIdentity;
import com.pulumi.aws.sesv2.EmailIdentityArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetDeliveryOptionsArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationCloudWatchDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationCloudWatchDestinationDimensionConfigurationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetReputationOptionsArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetSuppressionOptionsArgs;
import com.pulumi.aws.sesv2.outputs.EmailIdentityDkimSigningAttributes;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The API's mail (confirmation, reset and guardian links) through Amazon SES, from {@code anb:mailDomain}: the
 * domain's identity with Easy DKIM (its three CNAME tokens are a stack output for the DNS), and a configuration set
 * that requires TLS, keeps reputation metrics, suppresses addresses that bounced or complained (SES stops sending to
 * them), and counts sends, deliveries, bounces, complaints and rejects in CloudWatch for the alarms. Only the API's
 * role may send, only from this identity through this set. Without {@code anb:mailDomain} none of this exists and
 * the API keeps its mail in the outbox (docs/operations.md, "Mail").
 */
public final class Mail extends ComponentResource {
    /** The CloudWatch dimension SES fills with the configuration set's name. */
    static final String DIMENSION = "ses:configuration-set";

    private final Optional<Sending> sending;

    /** What the API needs to send: the identity and set it may use, and its sender address. */
    public record Sending(Output<String> identityArn, Output<String> configurationSetArn,
                          Output<String> configurationSetName, String from, Output<List<String>> dkimTokens) {
    }

    public Mail(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:Mail", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        sending = config.mailDomain().map(domain -> create(config.prefix(), domain, child));
        registerOutputs(Map.of());
    }

    private static Sending create(String prefix, String domain, CustomResourceOptions child) {
        var set = new ConfigurationSet(prefix + "-mail", ConfigurationSetArgs.builder()
                .configurationSetName(prefix + "-mail")
                .deliveryOptions(ConfigurationSetDeliveryOptionsArgs.builder().tlsPolicy("REQUIRE").build())
                .reputationOptions(ConfigurationSetReputationOptionsArgs.builder().reputationMetricsEnabled(true).build())
                .suppressionOptions(ConfigurationSetSuppressionOptionsArgs.builder()
                        .suppressedReasons("BOUNCE", "COMPLAINT").build())
                .build(), child);
        new ConfigurationSetEventDestination(prefix + "-mail-metrics", ConfigurationSetEventDestinationArgs.builder()
                .configurationSetName(set.configurationSetName())
                .eventDestinationName("cloudwatch")
                .eventDestination(ConfigurationSetEventDestinationEventDestinationArgs.builder().enabled(true)
                        .matchingEventTypes("SEND", "DELIVERY", "BOUNCE", "COMPLAINT", "REJECT", "DELIVERY_DELAY")
                        .cloudWatchDestination(ConfigurationSetEventDestinationEventDestinationCloudWatchDestinationArgs
                                .builder().dimensionConfigurations(
                                        ConfigurationSetEventDestinationEventDestinationCloudWatchDestinationDimensionConfigurationArgs
                                                .builder().dimensionName(DIMENSION).dimensionValueSource("MESSAGE_TAG")
                                                .defaultDimensionValue(prefix + "-mail").build())
                                .build())
                        .build())
                .build(), child);
        var identity = new EmailIdentity(prefix + "-mail-domain", EmailIdentityArgs.builder()
                .emailIdentity(domain).configurationSetName(set.configurationSetName()).build(), child);
        return new Sending(identity.arn(), set.arn(), set.configurationSetName(), "concurso@" + domain,
                identity.dkimSigningAttributes().applyValue(EmailIdentityDkimSigningAttributes::tokens));
    }

    public Optional<Sending> sending() {
        return sending;
    }
}
