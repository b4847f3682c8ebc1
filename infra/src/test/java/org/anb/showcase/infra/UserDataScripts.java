package org.anb.showcase.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Launch templates carry their boot script base64-encoded; tests and the snapshot read it as text. */
final class UserDataScripts {
    private UserDataScripts() {
    }

    static String decode(MockCloud.Registration launchTemplate) {
        return new String(Base64.getDecoder().decode(String.valueOf(DeployedStack.input(launchTemplate, "userData"))),
                StandardCharsets.UTF_8);
    }
}
