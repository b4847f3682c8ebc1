package org.anb.showcase.app.mail;

import io.helidon.config.Config;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Mail through Amazon SES (SES v2 API) with the instance role's credentials. The configuration set (when the stack
 * names one) routes bounces and complaints to the operators, as docs/operations.md describes.
 */
final class SesTransport implements MailTransport {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    private SesTransport(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    static SesTransport from(Config mail) {
        SesV2Client client = SesV2Client.builder()
                .region(Region.of(mail.get("region").asString().orElse("us-east-1")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        return new SesTransport(client, Outbox.sender(mail),
                mail.get("ses.configuration-set").asString().orElse(null));
    }

    @Override
    public void send(MailMessage message) {
        ses.sendEmail(SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(message.recipient()).build())
                .configurationSetName(configurationSet)
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(Content.builder().charset("UTF-8").data(message.subject()).build())
                        .body(Body.builder().text(Content.builder().charset("UTF-8").data(message.body()).build())
                                .build())
                        .build()).build())
                .build());
    }
}
