package org.anb.showcase.app.results;

/**
 * A voter's per-edition pseudonym in ballots.csv: HMAC-SHA256 of the voter's id under the edition's secret key
 * (the first 16 bytes, hex). It is computed by PostgreSQL over a million votes in one statement, which has SHA-256 but
 * no HMAC without the pgcrypto extension; so the API derives the two padded keys of RFC 2104 and the SQL does
 * {@code H(K ^ opad || H(K ^ ipad || m))} with the built-in {@code sha256}. Tests check it against javax.crypto's HMAC.
 */
final class BallotPseudonym {
    private static final int BLOCK = 64;

    /** The SQL expression of the pseudonym of {@code voterColumn}, taking the inner and outer pads as two parameters. */
    static String sql(String voterColumn) {
        return "encode(substring(sha256(CAST(? AS bytea) || sha256(CAST(? AS bytea) || convert_to(" + voterColumn
                + "::text, 'UTF8'))) FROM 1 FOR 16), 'hex')";
    }

    /** The parameters of {@link #sql}: outer pad, then inner pad. */
    static Object[] pads(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("ballot keys are 32 bytes");
        }
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        return new Object[] {outer, inner};
    }
}
