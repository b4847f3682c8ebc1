package org.anb.showcase.infra.edge;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.data.PrivateBucket;
import org.anb.showcase.infra.delivery.ImageRegistry;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The browser front end in AWS: a {@link PrivateBucket} that only our CloudFront distribution reads, holding the
 * files of {@code web/site} as {@link SiteFiles} lays them out. The objects are resources of this stack, so the site
 * is deployed, previewed and rolled back together with the API and worker images.
 */
public final class StaticSite extends ComponentResource {
    /** The Pulumi program runs in infra/: the site is the web module's folder. */
    public static final Path SITE_DIR = Path.of(ImageRegistry.REPOSITORY_ROOT, "web", "site");

    private final PrivateBucket storage;
    private final SiteFiles files;

    public StaticSite(String name, StackConfig config, SiteFiles files, ComponentResourceOptions options) {
        super("anb:infra:StaticSite", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix() + "-site";
        this.files = files;
        storage = new PrivateBucket(prefix, true, config.protectsData(), child); // nothing in it that the stack cannot upload again
        for (SiteFiles.SiteFile file : files.files()) {
            var object = BucketObjectv2Args.builder().bucket(storage.bucket().id()).key(file.key())
                    .contentType(file.contentType()).cacheControl(file.cacheControl());
            if (file.isText()) {
                object.content(file.text());
            } else {
                object.contentBase64(Base64.getEncoder().encodeToString(file.bytes()));
            }
            new BucketObjectv2(prefix + "/" + file.key(), object.build(), child);
        }
        registerOutputs(Map.of("bucketName", storage.bucket().bucket()));
    }

    /** Only this distribution reads the site, and nothing else reads it. */
    public void allowOnly(Output<String> distributionArn) {
        storage.readableOnlyBy(distributionArn, "*", "CloudFrontReadsTheSite");
    }

    /** The policy for the site's responses, allowing exactly these storage origins. */
    String contentSecurityPolicy(String storageOrigins) {
        return files.contentSecurityPolicy(storageOrigins);
    }

    public String version() {
        return files.version();
    }

    public Output<String> regionalDomainName() {
        return storage.bucket().bucketRegionalDomainName();
    }
}
