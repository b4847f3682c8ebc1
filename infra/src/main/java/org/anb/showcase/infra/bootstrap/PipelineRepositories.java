package org.anb.showcase.infra.bootstrap;

import org.anb.showcase.infra.delivery.ImageRepository;

import java.util.Map;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The repositories the pipeline pushes each commit's two images to, tagged with the commit: tags are immutable (a
 * commit's tag always names the bytes it was built as), and the last {@value #KEEP_IMAGES} images stay, so a rollback
 * to any recent commit deploys its recorded digests without a rebuild.
 */
public record PipelineRepositories(Repository api, Repository worker) {
    public static final String API = "anb-showcase/api";
    public static final String WORKER = "anb-showcase/worker";
    static final int KEEP_IMAGES = 100;

    static PipelineRepositories create(CustomResourceOptions options) {
        return new PipelineRepositories(repository(API, options), repository(WORKER, options));
    }

    private static Repository repository(String name, CustomResourceOptions options) {
        return ImageRepository.create(name, "IMMUTABLE", KEEP_IMAGES, Map.of(),
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().protect(true).build()));
    }
}
