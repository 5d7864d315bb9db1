package org.viplab.engine.sim;

/** A VRRP advertisement on the wire. */
record Advert(String fromHost, String fromIp, int vrid, int priority, int version, long intervalUs, String authPass) { }
