package org.anb.showcase.app.limits;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.helidon.common.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Who a request comes from, as a key for rate limits. The address is the TCP peer's, unless that peer is one of our
 * proxies ({@code auth.trusted-proxies}, private networks by default: the load balancer in the VPC): then it is the
 * entry our first proxy wrote into X-Forwarded-For, {@code auth.trusted-proxy-hops} from the end — entries a client
 * writes itself come first and are never read. IPv6 addresses are grouped by /64, the block one host is given, so a
 * host cannot dodge a limit by rotating through its own addresses.
 */
public final class ClientAddresses {
    private static final List<String> PRIVATE_NETWORKS = List.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "fc00::/7", "::1/128");
    private static final int IPV6_HOST_BLOCK = 64;
    private static final int IPV4_NETWORK = 24;
    private static final int IPV6_NETWORK = 48;

    private final int trustedProxyHops;
    private final List<IPAddress> trustedProxies;
    // Every request passes here (the per-client filter): parsing an address is far dearer than a lookup, and one
    // client sends many requests, so each address's key and trust are worked out once.
    private final Cache<String, String> keys = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<String, String> networks = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<String, Boolean> proxies = Caffeine.newBuilder().maximumSize(1_000).build();

    public ClientAddresses(int trustedProxyHops, List<String> trustedProxies) {
        this.trustedProxyHops = trustedProxyHops;
        this.trustedProxies = trustedProxies.stream().map(cidr -> {
            IPAddress block = new IPAddressString(cidr.strip()).getAddress();
            if (block == null) {
                throw new IllegalArgumentException("auth.trusted-proxies: not an address or CIDR block: " + cidr);
            }
            return block.toPrefixBlock();
        }).toList();
    }

    /** @param auth the {@code auth} config: {@code trusted-proxy-hops} (0: the TCP peer) and {@code trusted-proxies} */
    public static ClientAddresses from(Config auth) {
        return new ClientAddresses(auth.get("trusted-proxy-hops").asInt().orElse(0),
                auth.get("trusted-proxies").asList(String.class).orElse(PRIVATE_NETWORKS));
    }

    /** The client's key: an IPv4 address, or the /64 block of an IPv6 one. */
    public String keyOf(ServerRequest request) {
        String address = address(request.remotePeer().host(),
                request.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(""));
        return keys.get(address, ClientAddresses::group);
    }

    /**
     * The client's network as the integrity view groups votes: the /24 of an IPv4 address, the /48 of an IPv6 one.
     * A prefix is what we keep, never the address.
     */
    public String networkOf(ServerRequest request) {
        String address = address(request.remotePeer().host(),
                request.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(""));
        return networks.get(address, ClientAddresses::network);
    }

    static String network(String address) {
        IPAddress parsed = parse(address);
        if (parsed == null) {
            return null;
        }
        return parsed.toPrefixBlock(parsed.isIPv6() ? IPV6_NETWORK : IPV4_NETWORK).toCanonicalString();
    }

    /** The client's address, given the TCP peer and the X-Forwarded-For header as received. */
    String address(String peer, String forwardedFor) {
        if (trustedProxyHops == 0 || !isTrustedProxy(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        int index = hops.length - trustedProxyHops;
        if (index < 0 || hops[index].isBlank()) {
            return peer;
        }
        return hops[index].strip();
    }

    private boolean isTrustedProxy(String peer) {
        return proxies.get(peer, this::parseAndCheckTrusted);
    }

    private boolean parseAndCheckTrusted(String peer) {
        IPAddress address = parse(peer);
        return address != null && trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    static String group(String address) {
        IPAddress parsed = parse(address);
        if (parsed == null) {
            return address;
        }
        if (parsed.isIPv6()) {
            return parsed.toPrefixBlock(IPV6_HOST_BLOCK).toCanonicalString();
        }
        return parsed.toCanonicalString();
    }

    /** An IP literal (IPv4-mapped IPv6 taken as IPv4), or null for anything else. Never a DNS lookup. */
    private static IPAddress parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        IPAddress address = new IPAddressString(literal).getAddress();
        if (address == null) {
            return null;
        }
        if (address.isIPv6() && address.isIPv4Convertible()) {
            return address.toIPv4();
        }
        return address.withoutPrefixLength();
    }
}
