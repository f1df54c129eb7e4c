/* A large process that changes a few regions a second: maps N (default 60000) separate 1-page
 * anonymous regions as many_maps does (alternating permissions, every other one touched), prints
 * "ready", then every second changes K (default 3) of its writable regions, taking turns through
 * them: a touched page is given back (MADV_DONTNEED, its Rss drops to 0), an empty one is
 * touched (its Rss becomes one page). What a recorder must store per second is those K regions.
 * Usage: changing_maps [N] [K] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 60000;
    long k = argc > 2 ? atol(argv[2]) : 3;
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
    long writable = (n + 1) / 2;
    char *touched = calloc((size_t)writable, 1);
    if (touched == NULL) { perror("calloc"); return 1; }
    for (long i = 0; i < writable; i++) touched[i] = 1;
    for (long next = 0;; ) {
        for (long c = 0; c < k; c++, next = (next + 1) % writable) {
            char *p = base + 2 * next * page;
            if (touched[next]) {
                madvise(p, (size_t)page, MADV_DONTNEED);
            } else {
                p[0] = 1;
            }
            touched[next] = !touched[next];
        }
        sleep(1);
    }
}
