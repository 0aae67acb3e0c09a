package ui

import (
	"fmt"
	"strings"
)

// IsNoWindowPanic reports whether r, recovered from a panic, is the window
// system failing to start: Fyne's GLFW driver panics with "The GLFW library
// is not initialized" when DISPLAY names an X server that does not answer.
// main turns that into a sentence instead of a Go trace.
func IsNoWindowPanic(r any) bool {
	return strings.Contains(fmt.Sprint(r), "GLFW library is not initialized")
}
