package org.anb.showcase.app.gallery;

import java.util.UUID;

/**
 * A gallery item as the public sees it. {@code votes} is null in the edition's final stretch (counts hidden until
 * results are published); {@code voted} says whether the caller voted for it (false for anyone anonymous).
 */
public record PublicVideo(UUID videoId, String title, UUID playerId, String playerName, String city,
                          String processedUrl, String posterUrl, Long votes, boolean voted) {
}
