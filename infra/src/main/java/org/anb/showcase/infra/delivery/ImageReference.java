package org.anb.showcase.infra.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image in ECR named by its digest ({@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<hex>}):
 * what the pipeline built once and promotes from dev to prod, or a recorded one to roll back to. A tag is refused — it
 * can point at other bytes tomorrow.
 */
public record ImageReference(String account, String region, String repository, String digest) {
    private static final Pattern ECR_DIGEST = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([a-z0-9._/-]+)@(sha256:[0-9a-f]{64})");

    public static ImageReference parse(String key, String value) {
        Matcher m = ECR_DIGEST.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("anb:" + key + " must be an ECR image by digest"
                    + " (<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>), not " + value);
        }
        return new ImageReference(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    public String repositoryUrl() {
        return account + ".dkr.ecr." + region + ".amazonaws.com/" + repository;
    }

    public String repositoryArn() {
        return "arn:aws:ecr:" + region + ":" + account + ":repository/" + repository;
    }

    @Override
    public String toString() {
        return repositoryUrl() + "@" + digest;
    }
}
