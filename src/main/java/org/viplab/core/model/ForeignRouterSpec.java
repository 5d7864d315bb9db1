package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A VRRP router of another cluster on the same segment (not one of the topology's nodes): it only sends adverts,
 * every {@link #advertInt} seconds from {@link #fromSec} on, to the multicast group, so every node's instance with
 * the same VRID hears them. What keepalived 2.2.7 then does is {@code engine.sim.ForeignRouter}'s.
 */
public class ForeignRouterSpec {
    /** Its source address. */
    public String ip = "10.9.8.77";
    public int vrid = 51;
    public int priority = 100;
    /** Seconds between its adverts (VRRPv2 carries whole seconds). */
    public double advertInt = 1;
    /** The VIPs it advertises: another cluster's own, or a copy of ours (a cloned VM). */
    public List<String> vips = new ArrayList<>();
    /** Its {@code auth_pass}; null or blank: no authentication block. */
    public String authPass = "1111";
    /** When it starts advertising, in drill seconds (0: already there). */
    public double fromSec;
}
