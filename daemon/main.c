/* main.c -- winnowd (STUB until the daemon lands). */
#include <microhttpd.h>

int main(void) { return 0; }
