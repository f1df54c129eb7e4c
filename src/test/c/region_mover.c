/* A process that moves one region between two far addresses in a tight loop, so a reader of
 * /proc/PID/maps that reads in several pieces can see it twice or not at all. Between the two
 * places it maps FILLER separate 1-page regions (alternating permissions so none merge), which
 * makes the maps text span many kernel reads.
 * The moving region is MOVER_PAGES pages, PROT_READ only, anonymous: a size and permission no
 * other region has, so a test can count it. It moves between 0x100000000000 and 0x600000000000.
 * Prints "ready" and moves until killed.
 * Usage: region_mover [FILLER] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define MOVER_PAGES 13

int main(int argc, char **argv) {
    long filler = argc > 1 ? atol(argv[1]) : 400;
    long page = sysconf(_SC_PAGESIZE);
    size_t size = (size_t)(MOVER_PAGES * page);
    char *low = (char *)0x100000000000UL;
    char *high = (char *)0x600000000000UL;
    char *mid = mmap((char *)0x300000000000UL, (size_t)(filler * page), PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (mid == MAP_FAILED) { perror("mmap filler"); return 1; }
    for (long i = 0; i < filler; i += 2) {
        if (mprotect(mid + i * page, (size_t)page, PROT_READ | PROT_WRITE) != 0) { perror("mprotect"); return 1; }
    }
    char *at = mmap(low, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (at == MAP_FAILED) { perror("mmap mover"); return 1; }
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        char *to = at == low ? high : low;
        char *moved = mremap(at, size, size, MREMAP_MAYMOVE | MREMAP_FIXED, to);
        if (moved == MAP_FAILED) { perror("mremap"); return 1; }
        at = moved;
    }
}
