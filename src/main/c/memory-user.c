/*
 * memory-user: the OSTEP "Address Spaces" homework program as the app's live example. The app
 * starts it and drives it over stdin/stdout, one line per message (docs/memory-user-protocol.md):
 * allocate with mmap, malloc, brk or a mapped file, touch, walk, stream, free, lock, protect,
 * fork, start threads, dlopen. A C program, not a JVM: it is ready within milliseconds, and its
 * address space is the textbook's (about 25 regions: text, data, bss, [heap], libc, [stack]).
 *
 * It never outlives the app: PR_SET_PDEATHSIG kills it when the app dies (even by kill -9), it
 * exits when its stdin closes, and oom_score_adj 1000 makes it the OOM killer's first choice.
 *
 * Usage: memory-user --parent PID [--tmpdir DIR]      the app's child, driven over stdin
 *        memory-user --run BYTES [--seconds S] ...    the homework itself (aspace memory-user)
 *
 * Built by Maven (scripts/build-c.sh) into target/native/; the installed app has it in lib/app/native/.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

#define LINE 64                 /* bytes between two writes: one cache line */
#define SEGMENT (1 << 20)       /* a stream checks for stop after each MB */
#define MB 1048576.0
#define MAX_ERR 512

enum kind { K_MMAP, K_MALLOC, K_BRK, K_FILE, K_SHM };
static const char *const KIND_WORDS[] = { "mmap", "malloc", "brk", "file", "shm" };

struct block {
    int id;
    enum kind kind;
    char *addr;
    size_t size;
    char path[4096];            /* file and shm blocks */
    uintptr_t *protected_pages; /* pages made PROT_NONE, given back before free */
    size_t n_protected;
    struct job *job;
};

struct extra_thread {
    pid_t tid;
    pthread_t thread;
    int wake[2];                /* the thread reads wake[0] until endthread closes wake[1] */
    struct extra_thread *next;
};

static struct block **blocks;   /* by id; NULL once freed */
static int n_blocks;            /* ids handed out so far */
static pid_t forks[4096];
static int fork_pipes[4096];    /* the write end of each fork's command pipe (forkwrite) */
static int fork_blocks[4096];   /* how many blocks there were when it was forked: later ones it lacks */
static int n_forks;
static struct extra_thread *threads;
static const char *tmpdir = "/tmp";
static long page_size;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static char err[MAX_ERR];       /* the message of the command that failed */

/* ---- output ---------------------------------------------------------------------------- */

/* One whole line to stdout: replies (main thread) and events (walk threads) never interleave. */
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&out_lock);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    pthread_mutex_unlock(&out_lock);
    va_end(ap);
}

/* Sets the error message; commands return -1 after it. */
static int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, sizeof err, fmt, ap);
    va_end(ap);
    return -1;
}

/* A failed system call, as "CALL failed: strerror (errno N)". */
static int failed_call(const char *fmt, ...)
{
    int e = errno;
    char call[MAX_ERR / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(call, sizeof call, fmt, ap);
    va_end(ap);
    return fail("%s failed: %s (errno %d)", call, strerror(e), e);
}

/* Values never contain spaces on the wire: a space is %20, a % is %25. */
static void escape(const char *in, char *out, size_t n)
{
    size_t o = 0;
    for (; *in && o + 4 < n; in++) {
        if (*in == ' ' || *in == '%') {
            o += snprintf(out + o, n - o, "%%%02X", *in);
        } else {
            out[o++] = *in;
        }
    }
    out[o] = 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static pid_t gettid_(void)
{
    return (pid_t) syscall(SYS_gettid);
}

/* ---- arguments ------------------------------------------------------------------------- */

static int whole(const char *s, const char *what, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || strchr(s, ' ')) {
        return fail("%s must be a whole number, got '%s'", what, s);
    }
    if (v < 0) {
        return fail("%s must not be negative, got %s", what, s);
    }
    *out = v;
    return 0;
}

static int positive(const char *s, const char *what, long long *out)
{
    if (whole(s, what, out)) {
        return -1;
    }
    return *out == 0 ? fail("%s must be more than 0, got %s", what, s) : 0;
}

static int positive_real(const char *s, const char *what, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end) {
        return fail("%s must be a number, got '%s'", what, s);
    }
    if (!(v > 0) || isinf(v)) {
        return fail("%s must be more than 0, got %s", what, s);
    }
    *out = v;
    return 0;
}

static int percent(const char *s, int *out)
{
    long long p;
    if (whole(s, "PERCENT", &p)) {
        return -1;
    }
    if (p > 100) {
        return fail("PERCENT must be 0 to 100, got %s", s);
    }
    *out = (int) p;
    return 0;
}

static int need(int argc, int n, const char *usage)
{
    return argc < n ? fail("usage: ID %s", usage) : 0;
}

static void human(size_t bytes, char *out, size_t n)
{
    if (bytes >= 1ULL << 40) {
        snprintf(out, n, "%.1f TiB", bytes / (double) (1ULL << 40));
    } else if (bytes >= 1ULL << 30) {
        snprintf(out, n, "%.1f GiB", bytes / (double) (1ULL << 30));
    } else if (bytes >= 1ULL << 20) {
        snprintf(out, n, "%.1f MiB", bytes / MB);
    } else if (bytes >= 1024) {
        snprintf(out, n, "%.1f KiB", bytes / 1024.0);
    } else {
        snprintf(out, n, "%zu B", bytes);
    }
}

/* ---- blocks ---------------------------------------------------------------------------- */

static struct block *find_block(const char *word)
{
    long long id;
    if (positive(word, "BLOCK", &id)) {
        return NULL;
    }
    if (id > n_blocks || blocks[id - 1] == NULL) {
        fail("no block %lld (allocate one first; freed blocks are gone)", id);
        return NULL;
    }
    return blocks[id - 1];
}

/* A walk over a PROT_NONE page would die of SIGSEGV. */
static struct block *walkable(const char *word)
{
    struct block *b = find_block(word);
    if (b && b->n_protected) {
        fail("block %d has a PROT_NONE page: walking it would die of SIGSEGV; free it and allocate another", b->id);
        return NULL;
    }
    return b;
}

static uintptr_t page_up(uintptr_t a)
{
    return (a + page_size - 1) & ~(uintptr_t) (page_size - 1);
}

static uintptr_t page_down(uintptr_t a)
{
    return a & ~(uintptr_t) (page_size - 1);
}

/* The name of a filesystem type (statfs f_type), for messages. */
static const char *fs_type(int fd, char *buf, size_t n)
{
    struct statfs fs;
    if (fstatfs(fd, &fs) != 0) {
        return "unknown type";
    }
    switch ((unsigned long) fs.f_type) {
    case 0x01021994UL: return "tmpfs";
    case 0xEF53UL: return "ext2/3/4";
    case 0x58465342UL: return "xfs";
    case 0x9123683EUL: return "btrfs";
    case 0x794C7630UL: return "overlayfs";
    case 0x6969UL: return "nfs";
    default:
        snprintf(buf, n, "type 0x%lx", (unsigned long) fs.f_type);
        return buf;
    }
}

/* A file block larger than its filesystem's free space maps fine, then dies of SIGBUS when a
 * page past the free space is touched: refuse it now, as the app's guard refuses more memory
 * than MemAvailable. (Space can still run out later, taken by others; then SIGBUS it is.) */
static int fits(int fd, const char *path, size_t bytes)
{
    struct statvfs v;
    if (fstatvfs(fd, &v) != 0) {
        return 1; /* cannot tell: let ftruncate and the kernel decide */
    }
    unsigned long long free_bytes = (unsigned long long) v.f_bavail * v.f_frsize;
    if (bytes <= free_bytes) {
        return 1;
    }
    char want[32], have[32], type[32], dir[4096];
    human(bytes, want, sizeof want);
    human((size_t) free_bytes, have, sizeof have);
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = 0;
    }
    fail("a block of %s does not fit in %s: its filesystem (%s) has only %s free;"
         " touching it would kill memory-user with SIGBUS. Ask for at most %s", want, dir,
         fs_type(fd, type, sizeof type), have, have);
    return 0;
}

static char *map_file(const char *path, size_t bytes)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        failed_call("open(%s)", path);
        return NULL;
    }
    char *p = NULL;
    if (!fits(fd, path, bytes)) {
        /* refused: the message is set */
    } else if (ftruncate(fd, (off_t) bytes) != 0) {
        failed_call("ftruncate(%s, %zu)", path, bytes);
    } else {
        p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED) {
            failed_call("mmap(%s, %zu bytes, shared)", path, bytes);
            p = NULL;
        }
    }
    close(fd); /* the mapping keeps the file alive */
    if (!p) {
        unlink(path);
    }
    return p;
}

/* Gets the memory the given way; nothing is touched. */
static char *obtain(enum kind kind, size_t bytes, int id, char *path)
{
    char *p;
    switch (kind) {
    case K_MMAP:
        p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            failed_call("mmap(%zu bytes, anonymous private)", bytes);
            return NULL;
        }
        /* named, maps shows [anon:memory-user-N] and the kernel keeps it apart from its
         * neighbours; a kernel without CONFIG_ANON_VMA_NAME leaves it unnamed */
        char name[32];
        snprintf(name, sizeof name, "memory-user-%d", id);
        prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long) p, bytes, (unsigned long) name);
        return p;
    case K_MALLOC:
        p = malloc(bytes);
        if (!p) {
            failed_call("malloc(%zu)", bytes);
        }
        return p;
    case K_BRK:
        p = sbrk((intptr_t) bytes);
        if (p == (void *) -1) {
            failed_call("sbrk(%zu)", bytes);
            return NULL;
        }
        return p;
    case K_FILE:
    case K_SHM:
        if (kind == K_FILE) {
            snprintf(path, 4096, "%s/aspace-file-%d-%d", tmpdir, getpid(), id);
        } else {
            snprintf(path, 4096, "/dev/shm/aspace-shm-%d-%d", getpid(), id);
        }
        unlink(path);
        return map_file(path, bytes);
    }
    return NULL;
}

/* ---- walking --------------------------------------------------------------------------- */

/* The hot loop: one 8-byte store per 64-byte line in [p, p + len). Every line, so every page,
 * is dirtied, yet the volatile stores cannot become memset or vector stores. */
static void write_lines(char *p, size_t len, int64_t value)
{
    if (len < sizeof(int64_t)) {
        return;
    }
    size_t last = len - sizeof(int64_t);
    for (size_t i = 0; i <= last; i += LINE) {
        *(volatile int64_t *) (p + i) = value;
    }
}

static void sleep_seconds(double s)
{
    struct timespec ts = { (time_t) s, (long) ((s - (time_t) s) * 1e9) };
    nanosleep(&ts, NULL);
}

/* A walk over memory: where, how far, the bytes written so far (read by whoever reports rates),
 * and what to do after each step (report a rate, check a deadline): nonzero stops the walk. */
struct walk {
    char *base;
    size_t bytes;
    atomic_ullong walked;
    int (*tick)(struct walk *);
};

/* A walk or stream on a block, on a thread of its own. */
struct job {
    struct walk walk;           /* first: a tick gets the job from its walk */
    pthread_t thread;
    atomic_int stop;
    int block;
    double bytes_per_second;    /* 0: stream pass after pass until stopped */
    double last_time;           /* of the last rate event */
    unsigned long long last_bytes;
};

/* One pass at full speed, a megabyte at a time; 1 when it got to the end. */
static int full_pass(struct walk *w, int64_t value)
{
    for (size_t from = 0; from < w->bytes; from += SEGMENT) {
        size_t n = w->bytes - from < SEGMENT ? w->bytes - from : SEGMENT;
        write_lines(w->base + from, n, value);
        atomic_fetch_add(&w->walked, n);
        if (w->tick(w)) {
            return 0;
        }
    }
    return 1;
}

/* One pass page by page at about bytes_per_second, so demand paging can be watched: it sleeps
 * when ahead, in slices of at most 0.1 s so the tick is never late. 1 when it got to the end. */
static int paced_pass(struct walk *w, double bytes_per_second, int64_t value)
{
    double start = now();
    for (size_t done = 0; done < w->bytes;) {
        size_t n = w->bytes - done < (size_t) page_size ? w->bytes - done : (size_t) page_size;
        write_lines(w->base + done, n, value);
        done += n;
        atomic_fetch_add(&w->walked, n);
        for (;;) {
            if (w->tick(w)) {
                return 0;
            }
            double ahead = done / bytes_per_second - (now() - start);
            if (ahead <= 0.001) {
                break;
            }
            sleep_seconds(ahead < 0.1 ? ahead : 0.1);
        }
    }
    return 1;
}

/* A job's tick: once a second "event rate block=N mbps=X"; stops when told to. */
static int job_tick(struct walk *w)
{
    struct job *j = (struct job *) w;
    double t = now();
    if (t - j->last_time >= 1.0) {
        unsigned long long bytes = atomic_load(&w->walked);
        say("event rate block=%d mbps=%.1f", j->block, (bytes - j->last_bytes) / MB / (t - j->last_time));
        j->last_time = t;
        j->last_bytes = bytes;
    }
    return atomic_load(&j->stop);
}

/* A paced walk once (then "event walked block=N"), or a stream pass after pass until stopped. */
static void *walk_thread(void *arg)
{
    struct job *j = arg;
    j->last_time = now();
    if (j->bytes_per_second > 0) {
        if (paced_pass(&j->walk, j->bytes_per_second, 1)) {
            say("event walked block=%d", j->block);
        }
        return NULL;
    }
    for (int64_t pass = 1; full_pass(&j->walk, pass); pass++) {
    }
    return NULL;
}

/* Stops a walk or stream on the block and waits for it; 1 when one was running. */
static int stop_job(struct block *b)
{
    struct job *j = b->job;
    if (!j) {
        return 0;
    }
    atomic_store(&j->stop, 1);
    pthread_join(j->thread, NULL);
    free(j);
    b->job = NULL;
    return 1;
}

static int start_job(struct block *b, size_t bytes, double bytes_per_second)
{
    stop_job(b);
    struct job *j = calloc(1, sizeof *j);
    if (!j) {
        return failed_call("calloc(job)");
    }
    j->block = b->id;
    j->walk.base = b->addr;
    j->walk.bytes = bytes;
    j->walk.tick = job_tick;
    j->bytes_per_second = bytes_per_second;
    int rc = pthread_create(&j->thread, NULL, walk_thread, j);
    if (rc) {
        free(j);
        errno = rc;
        return failed_call("pthread_create(walk)");
    }
    b->job = j;
    return 0;
}

/* ---- commands -------------------------------------------------------------------------- */

/* Each command writes its reply fields ("key=value ...") into out, or fails with err set. */

static int cmd_alloc(int argc, char **argv, char *out, size_t n)
{
    long long bytes;
    int kind = -1;
    if (need(argc, 4, "alloc KIND BYTES")) {
        return -1;
    }
    for (int k = 0; k < 5; k++) {
        if (strcmp(argv[2], KIND_WORDS[k]) == 0) {
            kind = k;
        }
    }
    if (kind < 0) {
        return fail("unknown allocation kind '%s' (use mmap, malloc, brk, file or shm)", argv[2]);
    }
    if (positive(argv[3], "BYTES", &bytes)) {
        return -1;
    }
    struct block **grown = realloc(blocks, (n_blocks + 1) * sizeof *blocks);
    if (!grown) {
        return failed_call("realloc(blocks)");
    }
    blocks = grown;
    struct block *b = calloc(1, sizeof *b);
    if (!b) {
        return failed_call("calloc(block)");
    }
    b->id = n_blocks + 1;
    b->kind = kind;
    b->size = (size_t) bytes;
    b->addr = obtain(kind, b->size, b->id, b->path);
    if (!b->addr) {
        free(b);
        return -1;
    }
    blocks[n_blocks++] = b;
    int o = snprintf(out, n, "block=%d kind=%s addr=0x%" PRIxPTR " size=%zu", b->id, KIND_WORDS[kind],
                     (uintptr_t) b->addr, b->size);
    if (b->path[0]) {
        char path[3 * sizeof b->path];
        escape(b->path, path, sizeof path);
        snprintf(out + o, n - o, " path=%s", path);
    }
    return 0;
}

static int cmd_touch(int argc, char **argv, char *out, size_t n)
{
    int p = 0;
    struct block *b;
    if (need(argc, 4, "touch BLOCK PERCENT") || !(b = walkable(argv[2])) || percent(argv[3], &p)) {
        return -1;
    }
    stop_job(b);
    size_t bytes = (size_t) ((unsigned __int128) b->size * p / 100);
    write_lines(b->addr, bytes, 1);
    snprintf(out, n, "bytes=%zu", bytes);
    return 0;
}

static int cmd_walk(int argc, char **argv)
{
    double rate = 0;
    int p = 100;
    struct block *b;
    if (need(argc, 4, "walk BLOCK MB_PER_SECOND [PERCENT]") || !(b = walkable(argv[2]))
            || positive_real(argv[3], "MB_PER_SECOND", &rate) || (argc > 4 && percent(argv[4], &p))) {
        return -1;
    }
    return start_job(b, (size_t) ((unsigned __int128) b->size * p / 100), rate * MB);
}

static int cmd_stream(int argc, char **argv)
{
    struct block *b;
    if (need(argc, 3, "stream BLOCK") || !(b = walkable(argv[2]))) {
        return -1;
    }
    return start_job(b, b->size, 0);
}

static int cmd_stop(int argc, char **argv, char *out, size_t n)
{
    struct block *b;
    if (need(argc, 3, "stop BLOCK") || !(b = find_block(argv[2]))) {
        return -1;
    }
    snprintf(out, n, "stopped=%s", stop_job(b) ? "true" : "false");
    return 0;
}

/* munmap, free, sbrk(-n) or munmap + unlink, as the block was made. A brk block can only go
 * while it ends at the break: shrinking it otherwise would cut off what malloc put there since. */
static int cmd_free(int argc, char **argv)
{
    struct block *b;
    if (need(argc, 3, "free BLOCK") || !(b = find_block(argv[2]))) {
        return -1;
    }
    if (b->kind == K_BRK) {
        char *brk = sbrk(0);
        if (brk != b->addr + b->size) {
            return fail("block %d ends at 0x%" PRIxPTR " but the break is at 0x%" PRIxPTR
                        ": something (glibc malloc) grew [heap] after it, so it cannot be given back",
                        b->id, (uintptr_t) (b->addr + b->size), (uintptr_t) brk);
        }
    }
    stop_job(b);
    /* glibc writes into a freed chunk: give back access to the pages made PROT_NONE first */
    for (size_t i = 0; i < b->n_protected; i++) {
        mprotect((void *) b->protected_pages[i], page_size, PROT_READ | PROT_WRITE);
    }
    switch (b->kind) {
    case K_MMAP:
    case K_FILE:
    case K_SHM:
        if (munmap(b->addr, b->size)) {
            return failed_call("munmap(0x%" PRIxPTR ", %zu)", (uintptr_t) b->addr, b->size);
        }
        if (b->path[0] && unlink(b->path)) {
            failed_call("unlink(%s)", b->path);
        }
        break;
    case K_MALLOC:
        free(b->addr);
        break;
    case K_BRK:
        if (sbrk(-(intptr_t) b->size) == (void *) -1) {
            return failed_call("sbrk(-%zu)", b->size);
        }
        break;
    }
    blocks[b->id - 1] = NULL;
    free(b->protected_pages);
    free(b);
    return 0;
}

/* mlock / munlock on every page the block touches (a neighbour's page locked too is harmless). */
static int cmd_lock(int argc, char **argv, int lock)
{
    struct block *b;
    if (need(argc, 3, lock ? "mlock BLOCK" : "munlock BLOCK") || !(b = find_block(argv[2]))) {
        return -1;
    }
    uintptr_t from = page_down((uintptr_t) b->addr), to = page_up((uintptr_t) b->addr + b->size);
    if ((lock ? mlock : munlock)((void *) from, to - from)) {
        return failed_call("%s(0x%" PRIxPTR ", %" PRIuPTR ")", lock ? "mlock" : "munlock", from, to - from);
    }
    return 0;
}

/* madvise(MADV_DONTNEED) on the pages wholly inside the block: a page shared with a malloc
 * neighbour (or glibc's chunk header) must keep its contents. */
static int cmd_dontneed(int argc, char **argv, char *out, size_t n)
{
    struct block *b;
    if (need(argc, 3, "dontneed BLOCK") || !(b = find_block(argv[2]))) {
        return -1;
    }
    uintptr_t from = page_up((uintptr_t) b->addr), to = page_down((uintptr_t) b->addr + b->size);
    if (to <= from) {
        char size[32];
        human(b->size, size, sizeof size);
        return fail("block %d (%s) holds no whole page, so madvise cannot drop anything without hurting its neighbours",
                    b->id, size);
    }
    stop_job(b);
    if (madvise((void *) from, to - from, MADV_DONTNEED)) {
        return failed_call("madvise(0x%" PRIxPTR ", %" PRIuPTR ", MADV_DONTNEED)", from, to - from);
    }
    snprintf(out, n, "bytes=%" PRIuPTR, to - from);
    return 0;
}

/* mprotect(PROT_NONE) of the INDEX-th whole page inside the block: the region splits around it. */
static int cmd_protect(int argc, char **argv, char *out, size_t n)
{
    struct block *b;
    long long index;
    if (need(argc, 4, "protect BLOCK PAGE_INDEX") || !(b = find_block(argv[2]))
            || whole(argv[3], "PAGE_INDEX", &index)) {
        return -1;
    }
    uintptr_t first = page_up((uintptr_t) b->addr);
    uintptr_t end = page_down((uintptr_t) b->addr + b->size);
    long long pages = end > first ? (long long) ((end - first) / page_size) : 0;
    if (index >= pages) {
        return fail("block %d has %lld whole pages: choose a page index from 0 to %lld, got %lld",
                    b->id, pages, pages - 1, index);
    }
    uintptr_t *grown = realloc(b->protected_pages, (b->n_protected + 1) * sizeof *grown);
    if (!grown) {
        return failed_call("realloc(protected pages)");
    }
    b->protected_pages = grown;
    stop_job(b);
    uintptr_t addr = first + (uintptr_t) index * page_size;
    if (mprotect((void *) addr, page_size, PROT_NONE)) {
        return failed_call("mprotect(0x%" PRIxPTR ", %ld, 0)", addr, page_size);
    }
    b->protected_pages[b->n_protected++] = addr;
    snprintf(out, n, "addr=0x%" PRIxPTR, addr);
    return 0;
}

/* What a fork is told to write: one page after another of [addr, addr + size) at a rate. */
struct fork_order {
    char *addr;
    size_t size;
    double bytes_per_second;
    int block;
};

static int no_tick(struct walk *w)
{
    (void) w;
    return 0;
}

/* The fork's life: it waits for orders and writes its copy of a block page by page, so that
 * copy-on-write gives it its own frames one at a time; then says so. Its line goes out in one
 * write(2), so it never interleaves with the parent's (stdio's lock may be a copy held at fork). */
static void fork_loop(int orders)
{
    struct fork_order o;
    while (read(orders, &o, sizeof o) == (ssize_t) sizeof o) {
        struct walk w = { .base = o.addr, .bytes = o.size, .tick = no_tick };
        paced_pass(&w, o.bytes_per_second, 2);
        char line[96];
        int len = snprintf(line, sizeof line, "event forkwrote fork=%d block=%d\n", (int) getpid(), o.block);
        if (write(STDOUT_FILENO, line, (size_t) len) != len) {
            _exit(1);
        }
    }
    for (;;) {
        pause();
    }
}

/* A copy that sleeps until told to write (copy-on-write), and dies with this process. */
static int cmd_fork(char *out, size_t n)
{
    if (n_forks == (int) (sizeof forks / sizeof *forks)) {
        return fail("%d forks are running: unfork some first", n_forks);
    }
    int orders[2];
    if (pipe(orders)) {
        return failed_call("pipe()");
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(orders[0]);
        close(orders[1]);
        return failed_call("fork()");
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (getppid() != parent) {
            _exit(0);
        }
        close(orders[1]);
        fork_loop(orders[0]);
    }
    close(orders[0]);
    fork_pipes[n_forks] = orders[1];
    fork_blocks[n_forks] = n_blocks;
    forks[n_forks++] = pid;
    snprintf(out, n, "pid=%d", pid);
    return 0;
}

/* The index of a fork of this memory-user in forks[], or -1 with err set. */
static int find_fork(const char *word)
{
    long long pid;
    if (positive(word, "PID", &pid)) {
        return -1;
    }
    for (int i = 0; i < n_forks; i++) {
        if (forks[i] == pid) {
            return i;
        }
    }
    fail("process %lld is not a fork of this memory-user", pid);
    return -1;
}

/* The fork writes its copy of the block page by page at about MB_PER_SECOND; replies at once. */
static int cmd_forkwrite(int argc, char **argv)
{
    int f;
    struct block *b;
    double rate = 0;
    if (need(argc, 5, "forkwrite PID BLOCK MB_PER_SECOND") || (f = find_fork(argv[2])) < 0
            || !(b = walkable(argv[3])) || positive_real(argv[4], "MB_PER_SECOND", &rate)) {
        return -1;
    }
    if (b->id > fork_blocks[f]) {
        return fail("block %d was made after fork %d, so the fork does not have it: fork again", b->id, forks[f]);
    }
    struct fork_order o = { b->addr, b->size, rate * MB, b->id };
    if (write(fork_pipes[f], &o, sizeof o) != (ssize_t) sizeof o) {
        return failed_call("write(order to fork %d)", forks[f]);
    }
    return 0;
}

static void kill_and_reap(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static int cmd_unfork(int argc, char **argv)
{
    long long pid;
    if (need(argc, 3, "unfork PID") || positive(argv[2], "PID", &pid)) {
        return -1;
    }
    for (int i = 0; i < n_forks; i++) {
        if (forks[i] == pid) {
            kill_and_reap(forks[i]);
            close(fork_pipes[i]);
            n_forks--;
            forks[i] = forks[n_forks];
            fork_pipes[i] = fork_pipes[n_forks];
            fork_blocks[i] = fork_blocks[n_forks];
            return 0;
        }
    }
    return fail("process %lld is not a fork of this memory-user", pid);
}

struct thread_start {
    struct extra_thread *t;
    pthread_mutex_t lock;
    pthread_cond_t started;
};

/* A thread that waits (its stack and guard page are what the experiment shows). */
static void *extra_thread(void *arg)
{
    struct thread_start *s = arg;
    struct extra_thread *t = s->t;
    pthread_mutex_lock(&s->lock);
    t->tid = gettid_();
    pthread_cond_signal(&s->started);
    pthread_mutex_unlock(&s->lock);
    char c;
    while (read(t->wake[0], &c, 1) != 0) {
        /* only end of file (endthread closed the other end) ends it */
    }
    return NULL;
}

static int cmd_thread(char *out, size_t n)
{
    struct extra_thread *t = calloc(1, sizeof *t);
    if (!t) {
        return failed_call("calloc(thread)");
    }
    if (pipe2(t->wake, O_CLOEXEC)) {
        free(t);
        return failed_call("pipe()");
    }
    struct thread_start s = { t, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    pthread_mutex_lock(&s.lock);
    int rc = pthread_create(&t->thread, NULL, extra_thread, &s);
    if (rc) {
        pthread_mutex_unlock(&s.lock);
        close(t->wake[0]);
        close(t->wake[1]);
        free(t);
        errno = rc;
        return failed_call("pthread_create()");
    }
    while (t->tid == 0) {
        pthread_cond_wait(&s.started, &s.lock);
    }
    pthread_mutex_unlock(&s.lock);
    t->next = threads;
    threads = t;
    snprintf(out, n, "tid=%d", t->tid);
    return 0;
}

static int cmd_endthread(int argc, char **argv)
{
    long long tid;
    if (need(argc, 3, "endthread TID") || positive(argv[2], "TID", &tid)) {
        return -1;
    }
    for (struct extra_thread **p = &threads; *p; p = &(*p)->next) {
        struct extra_thread *t = *p;
        if (t->tid == tid) {
            close(t->wake[1]);
            pthread_join(t->thread, NULL);
            close(t->wake[0]);
            *p = t->next;
            free(t);
            return 0;
        }
    }
    return fail("thread %s was not started with 'thread'", argv[2]);
}

static int cmd_dlopen(int argc, char **argv, char *out, size_t n)
{
    if (need(argc, 3, "dlopen LIBRARY")) {
        return -1;
    }
    void *h = dlopen(argv[2], RTLD_NOW);
    if (!h) {
        return fail("dlopen(%s) failed: %s", argv[2], dlerror());
    }
    snprintf(out, n, "handle=0x%" PRIxPTR, (uintptr_t) h);
    return 0;
}

/* Runs one command's verb; 1 means "exit after the reply". */
static int run(int argc, char **argv, char *out, size_t n)
{
    const char *verb = argv[1];
    if (!strcmp(verb, "ping")) {
        snprintf(out, n, "pid=%d", getpid());
        return 0;
    }
    if (!strcmp(verb, "alloc")) return cmd_alloc(argc, argv, out, n);
    if (!strcmp(verb, "touch")) return cmd_touch(argc, argv, out, n);
    if (!strcmp(verb, "walk")) return cmd_walk(argc, argv);
    if (!strcmp(verb, "stream")) return cmd_stream(argc, argv);
    if (!strcmp(verb, "stop")) return cmd_stop(argc, argv, out, n);
    if (!strcmp(verb, "free")) return cmd_free(argc, argv);
    if (!strcmp(verb, "mlock")) return cmd_lock(argc, argv, 1);
    if (!strcmp(verb, "munlock")) return cmd_lock(argc, argv, 0);
    if (!strcmp(verb, "dontneed")) return cmd_dontneed(argc, argv, out, n);
    if (!strcmp(verb, "protect")) return cmd_protect(argc, argv, out, n);
    if (!strcmp(verb, "fork")) return cmd_fork(out, n);
    if (!strcmp(verb, "unfork")) return cmd_unfork(argc, argv);
    if (!strcmp(verb, "forkwrite")) return cmd_forkwrite(argc, argv);
    if (!strcmp(verb, "thread")) return cmd_thread(out, n);
    if (!strcmp(verb, "endthread")) return cmd_endthread(argc, argv);
    if (!strcmp(verb, "dlopen")) return cmd_dlopen(argc, argv, out, n);
    if (!strcmp(verb, "exit")) {
        snprintf(out, n, "bye=1");
        return 1;
    }
    return fail("unknown command '%s' (alloc, touch, walk, stream, stop, free, mlock, munlock, dontneed,"
                " protect, fork, unfork, forkwrite, thread, endthread, dlopen, ping, exit)", verb);
}

static int numeric_id(const char *s)
{
    size_t len = strlen(s);
    return len >= 1 && len <= 9 && strspn(s, "0123456789") == len;
}

/* Runs one line and prints its reply; 1 when the session should end. */
static int execute(char *line)
{
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", line);
    char *argv[16];
    int argc = 0;
    for (char *w = strtok(line, " \t\r"); w && argc < 16; w = strtok(NULL, " \t\r")) {
        argv[argc++] = w;
    }
    if (argc == 0) {
        return 0;
    }
    if (argc < 2 || !numeric_id(argv[0])) {
        say("err 0 malformed command '%s': expected 'ID VERB ARGS...' with a numeric ID", copy);
        return 0;
    }
    char out[16384] = "";
    err[0] = 0;
    int rc = run(argc, argv, out, sizeof out);
    if (rc < 0) {
        for (char *c = err; *c; c++) {
            if (*c == '\n' || *c == '\r') {
                *c = ' ';
            }
        }
        say("err %s %s", argv[0], err);
        return 0;
    }
    say(out[0] ? "ok %s %s" : "ok %s", argv[0], out);
    return rc;
}

/* Ends what the session started that the kernel would not end by itself: forks and files. */
static void clean_up(void)
{
    for (int i = 0; i < n_blocks; i++) {
        if (blocks[i]) {
            stop_job(blocks[i]);
            if (blocks[i]->path[0]) {
                unlink(blocks[i]->path);
            }
        }
    }
    while (n_forks) {
        kill_and_reap(forks[--n_forks]);
        close(fork_pipes[n_forks]);
    }
}

/* ---- the homework: memory-user MB [SECONDS] ---------------------------------------------- */

enum touch { T_NONE, T_ONCE, T_STREAM };
static const char *const TOUCH_WORDS[] = { "none", "once", "stream" };

/* The homework's run: its walk, when it ends, and its once-a-second report. One thread only: a
 * reporting thread would add its stack and, with its first malloc, an arena to the picture. */
struct run {
    struct walk walk;           /* first: the tick gets the run from its walk */
    double deadline;            /* seconds on the monotonic clock; INFINITY: until killed */
    enum touch touch;
    double start;
    int reports;
    double last_time;
    unsigned long long last_bytes;
};

/* Pages of [addr, addr + len) in RAM (mincore), counted 64 Ki pages at a time. */
static size_t resident_bytes(char *addr, size_t len)
{
    static unsigned char vec[65536];
    uintptr_t from = page_down((uintptr_t) addr), to = page_up((uintptr_t) addr + len);
    size_t pages = 0;
    for (uintptr_t a = from; a < to;) {
        size_t n = (to - a) / page_size < sizeof vec ? (to - a) / page_size : sizeof vec;
        if (mincore((void *) a, n * page_size, vec) == 0) {
            for (size_t i = 0; i < n; i++) {
                pages += vec[i] & 1;
            }
        }
        a += n * page_size;
    }
    return pages * page_size;
}

/* This process's resident size: /proc/self/statm's second field, in pages (read without stdio,
 * whose buffer would come from the heap the experiment watches). */
static size_t process_rss(void)
{
    char buf[128] = "";
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        close(fd);
    }
    unsigned long size = 0, resident = 0;
    return sscanf(buf, "%lu %lu", &size, &resident) == 2 ? resident * page_size : 0;
}

/* Once a second: how long it has run, what is resident, how fast the walk goes. */
static void report_if_due(struct run *r)
{
    double t = now();
    if (t < r->start + r->reports + 1) {
        return;
    }
    r->reports++;
    unsigned long long bytes = atomic_load(&r->walk.walked);
    char rss[32], block[32], rate[32];
    human(process_rss(), rss, sizeof rss);
    human(resident_bytes(r->walk.base, r->walk.bytes), block, sizeof block);
    snprintf(rate, sizeof rate, "%.1f MiB/s", (bytes - r->last_bytes) / MB / (t - r->last_time));
    say("%5d s  rss %s (the block: %s)  %s", r->reports, rss, block, r->touch == T_NONE ? "not touching" : rate);
    r->last_bytes = bytes;
    r->last_time = t;
}

static int run_tick(struct walk *w)
{
    struct run *r = (struct run *) w;
    report_if_due(r);
    return now() >= r->deadline;
}

/* ---- every address you see is virtual ------------------------------------------------ */

/* OSTEP chapter 13's program prints where its code, data, heap and stack are; so does this one,
 * and the app pins the four on the ribbon. The global is initialised, so it lives in .data; the
 * heap block is kept for the process's life, so its address stays true. */
int location_of_data = 13;
static char *location_of_heap;

int main(int argc, char **argv);

struct locations {
    uintptr_t code, data, heap, stack;
};

static struct locations where(const void *local)
{
    if (!location_of_heap) {
        location_of_heap = malloc(64);
    }
    struct locations l = { (uintptr_t) main, (uintptr_t) &location_of_data, (uintptr_t) location_of_heap,
                           (uintptr_t) local };
    return l;
}

/* memory-user as the OSTEP homework has it: allocate, touch as asked, stream until the time is
 * up (or forever), and say once a second how much is resident and how fast the walk goes. */
static int run_homework(size_t bytes, double seconds, enum kind via, enum touch touch, double mbps,
                        const struct locations *at)
{
    char path[4096] = "";
    char *addr = obtain(via, bytes, 1, path);
    if (!addr) {
        fprintf(stderr, "memory-user: %s\n", err);
        return 1;
    }
    char size[32], rate[48] = "", until[48] = ", until killed";
    human(bytes, size, sizeof size);
    if (mbps > 0) {
        snprintf(rate, sizeof rate, " at %g MiB/s", mbps);
    }
    if (seconds > 0) {
        snprintf(until, sizeof until, ", for %g s", seconds);
    }
    say("memory-user: pid %d, %s via %s at 0x%" PRIxPTR ", touch %s%s%s", getpid(), size, KIND_WORDS[via],
        (uintptr_t) addr, TOUCH_WORDS[touch], rate, until);
    say("location of code : 0x%" PRIxPTR, at->code);
    say("location of data : 0x%" PRIxPTR, at->data);
    say("location of heap : 0x%" PRIxPTR, at->heap);
    say("location of stack : 0x%" PRIxPTR, at->stack);
    say("look at it with: pmap -x %d", getpid());
    double start = now();
    struct run r = { .walk = { .base = addr, .bytes = bytes, .tick = run_tick },
                     .deadline = seconds > 0 ? start + seconds : INFINITY, .touch = touch, .start = start,
                     .last_time = start };
    long long passes = 0;
    if (touch != T_NONE) {
        do {
            passes++;
        } while ((mbps > 0 ? paced_pass(&r.walk, mbps * MB, passes) : full_pass(&r.walk, passes))
                 && touch == T_STREAM);
    }
    for (double t; (t = now()) < r.deadline; report_if_due(&r)) {
        double next = r.start + r.reports + 1;
        sleep_seconds((next < r.deadline ? next : r.deadline) - t);
    }
    double secs = now() - r.start;
    say("memory-user: done after %.1f s, %lld passes, %.1f MiB/s on average", secs, passes,
        atomic_load(&r.walk.walked) / MB / secs);
    return 0;
}

static const char *set_oom_score_adj(char *buf, size_t n)
{
    FILE *f = fopen("/proc/self/oom_score_adj", "r+");
    if (!f || fputs("1000", f) < 0 || fflush(f) || fseek(f, 0, SEEK_SET) || !fgets(buf, (int) n, f)) {
        if (f) {
            fclose(f);
        }
        return "unchanged";
    }
    fclose(f);
    buf[strcspn(buf, "\n")] = 0;
    return buf;
}

static int usage(void)
{
    fprintf(stderr, "usage: memory-user --parent PID [--tmpdir DIR]   (driven over stdin, docs/memory-user-protocol.md)\n"
                    "       memory-user --run BYTES [--seconds S] [--via mmap|malloc|brk] [--touch none|once|stream]"
                    " [--rate MB_PER_SECOND] [--parent PID]\n");
    return 2;
}

static int word_index(const char *word, const char *const *words, int n)
{
    for (int i = 0; i < n; i++) {
        if (!strcmp(word, words[i])) {
            return i;
        }
    }
    return -1;
}

int main(int argc, char **argv)
{
    long parent = -1;
    long long run = 0;
    double seconds = 0, mbps = 0;
    int via = K_MMAP, touch = T_STREAM;
    for (int i = 1; i < argc; i += 2) {
        const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val) {
            return usage();
        } else if (!strcmp(opt, "--parent")) {
            parent = atol(val);
        } else if (!strcmp(opt, "--tmpdir")) {
            tmpdir = val;
        } else if (!strcmp(opt, "--run")) {
            if (positive(val, "BYTES", &run)) {
                return usage();
            }
        } else if (!strcmp(opt, "--seconds")) {
            if (positive_real(val, "SECONDS", &seconds)) {
                return usage();
            }
        } else if (!strcmp(opt, "--rate")) {
            if (positive_real(val, "MB_PER_SECOND", &mbps)) {
                return usage();
            }
        } else if (!strcmp(opt, "--via")) {
            if ((via = word_index(val, KIND_WORDS, K_BRK + 1)) < 0) {
                return usage();
            }
        } else if (!strcmp(opt, "--touch")) {
            if ((touch = word_index(val, TOUCH_WORDS, T_STREAM + 1)) < 0) {
                return usage();
            }
        } else {
            return usage();
        }
    }
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0)) {
        failed_call("prctl(PR_SET_PDEATHSIG)");
        say("error %s", err);
        return 1;
    }
    /* the parent may have died before prctl ran: then we were re-parented and must go */
    if (parent > 0 && getppid() != parent) {
        return 0;
    }
    signal(SIGPIPE, SIG_IGN); /* a closed stdout ends us through stdin's end, not a signal */
    page_size = sysconf(_SC_PAGESIZE);
    char oom[32];
    const char *adj = set_oom_score_adj(oom, sizeof oom);
    int local = 0;
    struct locations at = where(&local);
    if (run > 0) {
        return run_homework((size_t) run, seconds, via, touch, mbps, &at);
    }
    /* the stack a thread gets without asking: glibc's default, from RLIMIT_STACK at our start */
    size_t thread_stack = 0;
    pthread_attr_t attr;
    if (pthread_getattr_default_np(&attr) == 0) {
        pthread_attr_getstacksize(&attr, &thread_stack);
        pthread_attr_destroy(&attr);
    }
    say("ready pid=%d pagesize=%ld threadstack=%zu oom_score_adj=%s code=0x%" PRIxPTR " data=0x%" PRIxPTR
        " heap=0x%" PRIxPTR " stack=0x%" PRIxPTR, getpid(), page_size, thread_stack, adj, at.code, at.data, at.heap,
        at.stack);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (memchr(line, 0, (size_t) n)) {  /* a NUL would hide the rest of the line from strtok */
            say("err 0 malformed command: the line holds a NUL byte; expected 'ID VERB ARGS...' with a numeric ID");
            continue;
        }
        line[strcspn(line, "\n")] = 0;
        if (execute(line)) {
            break;
        }
    }
    /* stdin closed (the app is gone or done with us), or "exit" */
    clean_up();
    free(line);
    return 0;
}
