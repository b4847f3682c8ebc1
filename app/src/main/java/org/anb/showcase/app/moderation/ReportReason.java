package org.anb.showcase.app.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed list of reasons a fan may report a video for (the OpenAPI names them; the database checks them). */
public enum ReportReason {
    COPYRIGHT("copyright"), IMPERSONATION("impersonation"), OFFENSIVE("offensive"), VIOLENCE("violence"),
    SEXUAL_CONTENT("sexual_content"), MINOR_SAFETY("minor_safety"), NOT_BASKETBALL("not_basketball"),
    SPAM("spam"), OTHER("other");

    private final String wire;

    ReportReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ReportReason> fromWire(String text) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReportReason::wire).toList();
    }
}
