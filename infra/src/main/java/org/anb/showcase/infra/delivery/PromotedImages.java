package org.anb.showcase.infra.delivery;

import java.util.Optional;

/**
 * The pipeline's images for one commit ({@code anb:apiImage} and {@code anb:workerImage}, set by the deploy workflow,
 * never committed): both or neither, since a stack running one promoted image and one it built itself would be two
 * commits at once.
 */
public record PromotedImages(ImageReference api, ImageReference worker) {
    public static Optional<PromotedImages> from(Optional<String> api, Optional<String> worker) {
        if (api.isPresent() != worker.isPresent()) {
            throw new IllegalArgumentException("set both anb:apiImage and anb:workerImage (the images of one commit)"
                    + " or neither (the stack builds both)");
        }
        return api.map(a -> new PromotedImages(ImageReference.parse("apiImage", a),
                ImageReference.parse("workerImage", worker.orElseThrow())));
    }
}
