package org.viplab.core.model;

/**
 * A keepalived {@code vrrp_script}: the keepalived fields plus a model of what the script tests and
 * what it does when the test fails. The tutorial's scripts test a process name and run
 * {@code service keepalived stop}, and always exit 0: {@link #exitNonZeroOnFailure} is false for them.
 */
public class CheckScriptSpec {
    /** What the script looks at. */
    public enum Test {
        /** {@code ps -C NAME --no-header | wc -l}: passes while any process of that name exists, hung or not. */
        PROCESS_EXISTS,
        /** {@code mysqladmin ping} / {@code mysql -e 'select 1'}: needs mysqld to answer. */
        MYSQL_QUERY,
        /** A TCP connect to a local port (e.g. haproxy's 6039). */
        TCP_CONNECT
    }

    public String name = "chk";
    public String path = "/etc/keepalived/check.sh";
    public double intervalSec = 1;
    /** Null means keepalived's default: the interval. */
    public Double timeoutSec;
    public int weight;
    public int rise = 1;
    public int fall = 1;
    public boolean initFail;
    public Test test = Test.PROCESS_EXISTS;
    /** For PROCESS_EXISTS: the name {@code ps -C} looks for. */
    public String processName = "mysqld";
    /** For TCP_CONNECT and MYSQL_QUERY. */
    public int port = 3306;
    /** The script runs {@code service keepalived stop} when its test fails. */
    public boolean stopsKeepalivedOnFailure;
    /** The script's exit status reflects the test (so keepalived applies weight or FAULT). */
    public boolean exitNonZeroOnFailure = true;

    /** Timeout as keepalived applies it: the interval unless set. */
    public double effectiveTimeoutSec() { return timeoutSec != null ? timeoutSec : intervalSec; }
}
