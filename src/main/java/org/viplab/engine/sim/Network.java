package org.viplab.engine.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One shared segment with the hosts and the clients. Each fault cuts one thing: a host's link, the path between
 * two hosts, only VRRP between two hosts (both ways, or one way), or the clients' path to one host. With more
 * than two hosts a cut between db1 and db2 leaves both of them talking to db3.
 */
final class Network {
    private final Set<String> hostLinksDown = new HashSet<>();
    private final Set<String> clientPathsCut = new HashSet<>();
    /** Cut host pairs, each as "a|b" with a before b. */
    private final Set<String> peerPathsCut = new TreeSet<>();
    /**
     * VRRP dropped, each direction as "from>to": a two-way block is both directions, as on real hosts, where each
     * host drops the other's adverts where they arrive and the two rules change one after the other.
     */
    private final Set<String> vrrpDropped = new TreeSet<>();

    boolean linkUp(String host) { return !hostLinksDown.contains(host); }

    /** True when the state changed. */
    boolean setLink(String host, boolean up) { return up ? hostLinksDown.remove(host) : hostLinksDown.add(host); }

    boolean setPeerPath(String a, String b, boolean cut) { return cut ? peerPathsCut.add(pair(a, b)) : peerPathsCut.remove(pair(a, b)); }

    /** Both directions; true when either changed. */
    boolean setPeerVrrp(String a, String b, boolean blocked) {
        boolean one = setVrrpOneWay(a, b, blocked);
        return setVrrpOneWay(b, a, blocked) | one;
    }

    boolean setVrrpOneWay(String from, String to, boolean blocked) {
        return blocked ? vrrpDropped.add(from + ">" + to) : vrrpDropped.remove(from + ">" + to);
    }

    boolean setClientPath(String host, boolean cut) { return cut ? clientPathsCut.add(host) : clientPathsCut.remove(host); }

    /** Ordinary traffic (haproxy checks, replication) between two hosts; a host always reaches itself. */
    boolean hostCanReach(String a, String b) {
        if (a.equals(b)) return true;
        return linkUp(a) && linkUp(b) && !peerPathCut(a, b);
    }

    /** VRRP multicast from one host to another. */
    boolean vrrpDelivers(String from, String to) { return hostCanReach(from, to) && !vrrpDropped(from, to); }

    boolean clientReaches(String host) { return linkUp(host) && !clientPathsCut.contains(host); }

    // every forwarded probe and advert asks: no pair key is built while nothing is cut (the usual case)
    boolean peerPathCut(String a, String b) { return !peerPathsCut.isEmpty() && peerPathsCut.contains(pair(a, b)); }

    /** Both directions of VRRP between {@code a} and {@code b} dropped. */
    boolean peerVrrpBlocked(String a, String b) { return vrrpDropped(a, b) && vrrpDropped(b, a); }

    /** {@code from}'s adverts dropped on their way to {@code to}. */
    boolean vrrpDropped(String from, String to) { return !vrrpDropped.isEmpty() && vrrpDropped.contains(from + ">" + to); }

    boolean clientPathCut(String host) { return clientPathsCut.contains(host); }

    private static String pair(String a, String b) { return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a; }
}
