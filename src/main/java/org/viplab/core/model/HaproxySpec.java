package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/** One node's haproxy.cfg for MySQL: a tcp frontend and one backend. Times in milliseconds. */
public class HaproxySpec {
    public enum CheckType { TCP, MYSQL }

    public String mode = "tcp";
    public int bindPort = 6039;
    public String balance = "roundrobin";
    public CheckType checkType = CheckType.TCP;
    public String mysqlCheckUser;
    public long interMs = 2000;
    public int fall = 3;
    public int rise = 2;
    /** Null: same as inter (haproxy's default). */
    public Long fastinterMs;
    public Long downinterMs;
    public Long timeoutCheckMs;
    public long timeoutConnectMs = 10_000;
    public int retries = 3;
    public boolean redispatch;
    public boolean onMarkedDownShutdownSessions;
    public List<ServerSpec> servers = new ArrayList<>();

    public long fastinterOrInter() { return fastinterMs != null ? fastinterMs : interMs; }

    public long downinterOrInter() { return downinterMs != null ? downinterMs : interMs; }

    /**
     * How long a check may take before it counts as a timeout. Without {@code timeout check} haproxy caps a
     * check at inter; with it, connect is capped by min(timeout connect, inter) and the read by timeout check.
     */
    public long connectTimeoutMs() {
        return timeoutCheckMs == null ? interMs : Math.min(timeoutConnectMs, interMs);
    }

    public long readTimeoutMs() {
        return timeoutCheckMs == null ? interMs : timeoutCheckMs;
    }

    /** A backend server line. */
    public static class ServerSpec {
        public String name;
        /** Node name whose mysqld this server is. */
        public String node;
        public int port = 3306;
        public boolean check = true;
        public boolean backup;
        public int weight = 1;

        public ServerSpec() { }

        public ServerSpec(String name, String node) {
            this.name = name;
            this.node = node;
        }
    }
}
