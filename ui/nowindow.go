package ui

import (
	"fmt"
	"os"
	"strings"
)

// ExitIfNoWindow, deferred by main, turns the panic of a window system that
// could not start into a call of exit with the reason, for a sentence
// instead of a Go trace; any other panic goes on.
func ExitIfNoWindow(exit func(why string)) {
	if r := recover(); r != nil {
		if !isNoWindowPanic(r) {
			panic(r)
		}
		display := os.Getenv("DISPLAY")
		if display == "" { // Wayland alone: Fyne's default build draws through X11
			exit("the window opens through X11 or XWayland, and DISPLAY is not set")
			return
		}
		exit("no display answers at DISPLAY=" + display)
	}
}

// isNoWindowPanic reports whether r, recovered from a panic, is the window
// system failing to start: Fyne's GLFW driver panics with "The GLFW library
// is not initialized" when DISPLAY names an X server that does not answer.
func isNoWindowPanic(r any) bool {
	return strings.Contains(fmt.Sprint(r), "GLFW library is not initialized")
}
