/* A process with named threads, file and anonymous mappings, a shared mapping and a large
 * malloc: the shapes the classifier and pmap parity tests need, without Python.
 * Prints "ready" when everything is in place, then sleeps until killed.
 * Usage: threads_maps [THREADS] */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void *worker(void *arg) {
    (void)arg;
    for (;;) pause();
    return NULL;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 3;
    for (int i = 0; i < threads; i++) {
        pthread_t t;
        char name[16];
        pthread_create(&t, NULL, worker, NULL);
        snprintf(name, sizeof name, "worker-%d", i);
        pthread_setname_np(t, name);
    }
    char *big = malloc(64 << 20);              /* above M_MMAP_THRESHOLD: its own mapping */
    memset(big, 1, 1 << 20);
    char *small = malloc(64 << 10);            /* below: lands in [heap] */
    memset(small, 1, 64 << 10);
    char *anon = mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(anon, 1, 2 << 20);
    char *shared = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    memset(shared, 1, 1 << 20);
    int fd = open("/etc/passwd", O_RDONLY);
    void *file = fd >= 0 ? mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    (void)file;
    printf("ready\n");
    fflush(stdout);
    for (;;) pause();
}
