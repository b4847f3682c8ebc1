package org.anb.showcase.infra;

import org.anb.showcase.infra.mail.Mail;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.anb.showcase.infra.SecurityInvariantsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Mail through SES once an operator names the domain: only the API may send, only from that identity through that
 * configuration set; bounces and complaints are suppressed and alarmed. Without a domain there is no SES at all and
 * the API keeps its mail in the outbox.
 */
class MailTest {
    private final DeployedStack prod = DeployedStack.of("prod", Map.of("mailDomain", "concurso.example.org"));

    @Test
    void onlyTheApiMaySendAndOnlyFromTheStacksIdentityThroughItsConfigurationSet() {
        List<Map<?, ?>> sends = statements("anb-prod-api").stream()
                .filter(s -> String.valueOf(s.get("Action")).contains("ses:")).toList();
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).get("Action")).isEqualTo(List.of("ses:SendEmail"));
        assertThat(sends.get(0).get("Resource")).isEqualTo(List.of(
                "arn:aws:ses:us-east-1:123456789012:identity/concurso.example.org",
                "arn:aws:ses:us-east-1:123456789012:configuration-set/anb-prod-mail"));
        assertThat(String.valueOf(input(prod.named("aws:iam/rolePolicy:RolePolicy", "anb-prod-worker"), "policy")))
                .doesNotContain("ses:");
    }

    @Test
    void theApiSendsThroughSesWithLinksToTheSite() {
        String script = UserDataScripts.decode(prod.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-prod-api"));
        assertThat(script).contains("MAIL_TRANSPORT=ses", "MAIL_FROM=concurso@concurso.example.org",
                "MAIL_SES_CONFIGURATION_DASH_SET=anb-prod-mail", "SITE_URL=https://d1234abcd.cloudfront.net");
    }

    @Test
    void bouncesAndComplaintsAreSuppressedCountedAndAlarmed() {
        var set = prod.named("aws:sesv2/configurationSet:ConfigurationSet", "anb-prod-mail");
        assertThat(input(set, "suppressionOptions.suppressedReasons")).isEqualTo(List.of("BOUNCE", "COMPLAINT"));
        assertThat(input(set, "deliveryOptions.tlsPolicy")).isEqualTo("REQUIRE");
        var identity = prod.named("aws:sesv2/emailIdentity:EmailIdentity", "anb-prod-mail-domain");
        assertThat(input(identity, "configurationSetName")).isEqualTo("anb-prod-mail");
        var events = prod.named("aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination",
                "anb-prod-mail-metrics");
        assertThat(String.valueOf(input(events, "eventDestination.matchingEventTypes"))).contains("BOUNCE", "COMPLAINT");
        for (String alarm : List.of("anb-prod-mail-bounces", "anb-prod-mail-complaints")) {
            assertThat(input(prod.named("aws:cloudwatch/metricAlarm:MetricAlarm", alarm), "alarmActions"))
                    .as(alarm + " pages the operators").asString().contains("anb-prod-alarms");
        }
    }

    @Test
    void withoutAMailDomainThereIsNoSesAndTheApiKeepsMailInItsOutbox() {
        DeployedStack dev = DeployedStack.of("dev");
        assertThat(dev.registered("aws:sesv2/emailIdentity:EmailIdentity")).isEmpty();
        assertThat(String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-api"), "policy")))
                .doesNotContain("ses:");
        assertThat(UserDataScripts.decode(dev.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-dev-api")))
                .doesNotContain("MAIL_TRANSPORT");
    }

    private List<Map<?, ?>> statements(String rolePolicy) {
        return ((List<?>) json(input(prod.named("aws:iam/rolePolicy:RolePolicy", rolePolicy), "policy"))
                .get("Statement")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
    }
}
