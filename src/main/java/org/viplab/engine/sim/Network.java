package org.viplab.engine.sim;

import java.util.HashSet;
import java.util.Set;

/**
 * One shared segment with the two hosts and the clients. Each fault cuts one thing: a host's link, the
 * path between the hosts, only VRRP between them, or the clients' path to one host.
 */
final class Network {
    private final Set<String> hostLinksDown = new HashSet<>();
    private final Set<String> clientPathsCut = new HashSet<>();
    private boolean peerPathCut;
    private boolean peerVrrpBlocked;

    boolean linkUp(String host) { return !hostLinksDown.contains(host); }

    /** True when the state changed. */
    boolean setLink(String host, boolean up) { return up ? hostLinksDown.remove(host) : hostLinksDown.add(host); }

    boolean setPeerPath(boolean cut) {
        boolean changed = peerPathCut != cut;
        peerPathCut = cut;
        return changed;
    }

    boolean setPeerVrrp(boolean blocked) {
        boolean changed = peerVrrpBlocked != blocked;
        peerVrrpBlocked = blocked;
        return changed;
    }

    boolean setClientPath(String host, boolean cut) { return cut ? clientPathsCut.add(host) : clientPathsCut.remove(host); }

    /** Ordinary traffic (haproxy checks, replication) between two hosts; a host always reaches itself. */
    boolean hostCanReach(String a, String b) {
        if (a.equals(b)) return true;
        return linkUp(a) && linkUp(b) && !peerPathCut;
    }

    /** VRRP multicast from one host to the other. */
    boolean vrrpDelivers(String from, String to) { return hostCanReach(from, to) && !peerVrrpBlocked; }

    boolean clientReaches(String host) { return linkUp(host) && !clientPathsCut.contains(host); }

    boolean peerPathCut() { return peerPathCut; }

    boolean peerVrrpBlocked() { return peerVrrpBlocked; }

    boolean clientPathCut(String host) { return clientPathsCut.contains(host); }
}
