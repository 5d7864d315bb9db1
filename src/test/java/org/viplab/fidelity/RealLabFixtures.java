package org.viplab.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.viplab.observe.Fixtures;

/** Reads the recorded real-lab runs in the test resources (timestamps in µs of the local day). */
final class RealLabFixtures {
    private static final Pattern MON = Pattern.compile("^\\[(\\S+)\\] (Deleted )?\\d+: \\S+\\s+inet (\\S+)/");
    private static final Pattern NEIGH = Pattern.compile("^\\[(\\S+)\\] (\\S+) (?:lladdr (\\S+) )?(\\S+)");
    private static final Pattern TCPDUMP = Pattern.compile("^(\\S+ \\S+) IP (\\S+) > 224\\.0\\.0\\.18: VRRPv2, Advertisement, vrid (\\d+), prio (\\d+)");

    record VipChange(long us, boolean added) { }

    record Advert(long us, String from, int priority) { }

    record Neigh(long us, String mac, String state) { }

    private RealLabFixtures() { }

    static long us(String isoLocal) {
        LocalDateTime t = LocalDateTime.parse(isoLocal.replace(' ', 'T'));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000;
    }

    static List<VipChange> vip(String run, String host) throws IOException {
        List<VipChange> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.realLab(run).resolve("mon-" + host + ".log"))) {
            Matcher m = MON.matcher(line);
            if (m.find()) out.add(new VipChange(us(m.group(1)), m.group(2) == null));
        }
        return out;
    }

    static List<Advert> adverts(String run) throws IOException {
        List<Advert> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.realLab(run).resolve("tcpdump-br0.txt"))) {
            Matcher m = TCPDUMP.matcher(line);
            if (m.find()) out.add(new Advert(us(m.group(1)), m.group(2), Integer.parseInt(m.group(4))));
        }
        return out;
    }

    static List<Neigh> neigh(String run) throws IOException {
        List<Neigh> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.realLab(run).resolve("mon-root-neigh.log"))) {
            Matcher m = NEIGH.matcher(line);
            if (m.find()) out.add(new Neigh(us(m.group(1)), m.group(3), m.group(4)));
        }
        return out;
    }

    /** The first keepalived log line of a host containing {@code text}, at or after {@code fromUs}. */
    static long logLine(String run, String host, String text, long fromUs) throws IOException {
        for (String line : Files.readAllLines(Fixtures.realLab(run).resolve("keepalived-" + host + ".log"))) {
            if (line.length() < 23) continue;
            long t = us(line.substring(0, 23));
            if (t >= fromUs && line.contains(text)) return t;
        }
        throw new AssertionError("no '" + text + "' in " + run + "/" + host);
    }
}
