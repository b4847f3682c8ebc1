package org.anb.showcase.worker.media.ffmpeg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads and trims the shared-library dependencies ({@code DT_NEEDED}) of a 64-bit little-endian ELF file.
 *
 * <p>Why this exists: the ffmpeg in org.bytedeco's jar links libavdevice, and libavdevice links the desktop's audio
 * and X libraries (libpulse, libasound, libxcb), which a server does not have, so the binary does not even start
 * there. The worker never opens a capture device, and libavdevice calls those libraries only through lazily bound
 * PLT slots, so removing the dependencies (and their symbol-version requirements, which the loader would otherwise
 * insist on) leaves a binary that runs anywhere with glibc. No maintained Java library edits ELF (patchelf is a
 * native tool a bare server lacks), and the edit is small: it only shortens two tables in place.
 */
public final class ElfDependencies {
    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;
    private static final int DYN_ENTRY = 16;

    private final ByteBuffer elf;
    private final Section dynamic;
    private final Section strings;
    private final Section versionNeeds;

    private ElfDependencies(byte[] bytes) {
        this.elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || elf.getInt(0) != 0x464c457f || bytes[4] != 2 || bytes[5] != 1) {
            throw new IllegalArgumentException("not a 64-bit little-endian ELF file");
        }
        long sectionTable = elf.getLong(0x28);
        int entrySize = Short.toUnsignedInt(elf.getShort(0x3a));
        int count = Short.toUnsignedInt(elf.getShort(0x3c));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sections.add(Section.at(elf, (int) (sectionTable + (long) i * entrySize)));
        }
        this.dynamic = sections.stream().filter(s -> s.type == SHT_DYNAMIC).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dynamic section"));
        this.strings = sections.get(dynamic.link);
        this.versionNeeds = sections.stream().filter(s -> s.type == SHT_GNU_VERNEED).findFirst().orElse(null);
    }

    /** The libraries the file names as dependencies, in order. */
    public static List<String> needed(byte[] elfFile) {
        ElfDependencies file = new ElfDependencies(elfFile);
        List<String> names = new ArrayList<>();
        for (long[] entry : file.dynamicEntries()) {
            if (entry[0] == DT_NEEDED) {
                names.add(file.string(entry[1]));
            }
        }
        return names;
    }

    /**
     * Removes the dependencies whose names match, and the symbol-version requirements on them, editing
     * {@code elfFile} in place. Returns the names removed.
     */
    public static List<String> remove(byte[] elfFile, Predicate<String> unwanted) {
        ElfDependencies file = new ElfDependencies(elfFile);
        List<String> removed = new ArrayList<>();
        List<long[]> kept = new ArrayList<>();
        for (long[] entry : file.dynamicEntries()) {
            if (entry[0] == DT_NEEDED && unwanted.test(file.string(entry[1]))) {
                removed.add(file.string(entry[1]));
            } else {
                kept.add(entry);
            }
        }
        if (removed.isEmpty()) {
            return removed;
        }
        int versionsDropped = file.dropVersionNeeds(unwanted);
        file.writeDynamicEntries(kept, versionsDropped);
        return removed;
    }

    private List<long[]> dynamicEntries() {
        List<long[]> entries = new ArrayList<>();
        for (int at = (int) dynamic.offset; at + DYN_ENTRY <= dynamic.offset + dynamic.size; at += DYN_ENTRY) {
            long tag = elf.getLong(at);
            if (tag == DT_NULL) {
                break;
            }
            entries.add(new long[] {tag, elf.getLong(at + 8)});
        }
        return entries;
    }

    /** Rewrites the array without the removed entries; the slots freed at its end become DT_NULL. */
    private void writeDynamicEntries(List<long[]> kept, int versionsDropped) {
        int at = (int) dynamic.offset;
        for (long[] entry : kept) {
            long value = entry[0] == DT_VERNEEDNUM ? entry[1] - versionsDropped : entry[1];
            elf.putLong(at, entry[0]).putLong(at + 8, value);
            at += DYN_ENTRY;
        }
        for (; at + DYN_ENTRY <= dynamic.offset + dynamic.size; at += DYN_ENTRY) {
            elf.putLong(at, DT_NULL).putLong(at + 8, 0);
        }
    }

    /**
     * Unlinks the Verneed records of the unwanted files. Each kept record is rewritten into the header slot of the
     * n-th original record (slots only move towards the start, so its relative offsets stay positive).
     */
    private int dropVersionNeeds(Predicate<String> unwanted) {
        if (versionNeeds == null) {
            return 0;
        }
        List<Integer> slots = new ArrayList<>();
        List<int[]> kept = new ArrayList<>(); // version, count, file name, absolute position of its aux records
        int at = (int) versionNeeds.offset;
        while (true) {
            slots.add(at);
            int auxAt = at + elf.getInt(at + 8);
            int file = elf.getInt(at + 4);
            if (!unwanted.test(string(file))) {
                kept.add(new int[] {Short.toUnsignedInt(elf.getShort(at)), Short.toUnsignedInt(elf.getShort(at + 2)),
                        file, auxAt});
            }
            int next = elf.getInt(at + 12);
            if (next == 0) {
                break;
            }
            at += next;
        }
        for (int i = 0; i < kept.size(); i++) {
            int slot = slots.get(i);
            int[] record = kept.get(i);
            elf.putShort(slot, (short) record[0]).putShort(slot + 2, (short) record[1]).putInt(slot + 4, record[2])
                    .putInt(slot + 8, record[3] - slot)
                    .putInt(slot + 12, i + 1 < kept.size() ? slots.get(i + 1) - slot : 0);
        }
        int dropped = slots.size() - kept.size();
        elf.putInt(versionNeeds.header + 0x2c, kept.size()); // sh_info: the number of records
        return dropped;
    }

    private String string(long offset) {
        int start = (int) (strings.offset + offset);
        int end = start;
        while (elf.get(end) != 0) {
            end++;
        }
        return new String(elf.array(), start, end - start, StandardCharsets.US_ASCII);
    }

    private record Section(int header, int type, long offset, long size, int link) {
        static Section at(ByteBuffer elf, int header) {
            return new Section(header, elf.getInt(header + 4), elf.getLong(header + 0x18), elf.getLong(header + 0x20),
                    elf.getInt(header + 0x28));
        }
    }
}
