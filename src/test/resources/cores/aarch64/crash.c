/* A small aarch64 program that saves its own maps (as qemu-user shows them), then crashes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int counter = 42;
static char big[100000];

int main(void) {
    char *heap = malloc(100);
    int local = 7;
    FILE *in = fopen("/proc/self/maps", "r"), *out = fopen("maps.txt", "w");
    char b[4096];
    size_t n;
    while ((n = fread(b, 1, sizeof b, in)) > 0) fwrite(b, 1, n, out);
    fclose(out);
    fclose(in);
    printf("main %p\ncounter %p\nbig %p\nheap %p\nlocal %p\n", (void *) main, (void *) &counter, (void *) big,
           (void *) heap, (void *) &local);
    fflush(stdout);
    memset(heap, 1, 100);
    *(volatile int *) 0 = local + big[1];
    return 0;
}
