/*
 * The C reference for memory-user's streaming rate: the very writes MemoryWalker makes.
 * A pass writes one 8-byte word (the pass number) at the start of every 64-byte cache line of
 * the buffer, in address order. Every line is dirtied (so the memory traffic is the whole
 * buffer) but the loop cannot become memset or vector stores.
 *
 * As a program:  stream_ref MB SECONDS   maps MB anonymous, touches it once (untimed), then
 *                streams for SECONDS and prints "stream_ref MB=.. passes=.. MBps=..".
 * As a library:  StreamingBench builds it with -shared -fPIC and calls stream_pass() on the same
 *                buffer the Java walk uses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#define LINE 64

void stream_pass(void *buf, size_t len, int64_t value)
{
    char *p = buf;
    if (len < sizeof(int64_t)) {
        return;
    }
    size_t last = len - sizeof(int64_t);
    for (size_t i = 0; i <= last; i += LINE) {
        *(volatile int64_t *) (p + i) = value;
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: stream_ref MB SECONDS\n");
        return 2;
    }
    size_t len = (size_t) (atof(argv[1]) * 1048576.0);
    double seconds = atof(argv[2]);
    void *buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    stream_pass(buf, len, 0);
    long passes = 0;
    double start = now(), t;
    do {
        stream_pass(buf, len, ++passes);
        t = now();
    } while (t - start < seconds);
    printf("stream_ref MB=%.1f passes=%ld MBps=%.1f\n", len / 1048576.0, passes,
           passes * (len / 1048576.0) / (t - start));
    return 0;
}
