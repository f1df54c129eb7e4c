/* A process with many mappings: maps N (default 60000) separate 1-page anonymous regions with
 * alternating permissions so the kernel cannot merge neighbours, touches every other one, prints
 * "ready" and sleeps until killed. Used by parity tests and benchmarks.
 * Usage: many_maps [N] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 60000;
    long page = sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, (size_t)(n * page), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    for (long i = 0; i < n; i++) {
        char *p = base + i * page;
        int prot = (i % 2) ? PROT_READ : (PROT_READ | PROT_WRITE);
        if (mprotect(p, (size_t)page, prot) != 0) { perror("mprotect"); return 1; }
        if (!(i % 2)) p[0] = 1;
    }
    printf("ready\n");
    fflush(stdout);
    for (;;) pause();
}
