//go:build !linux

package ui

// desktopNotifications: Windows and macOS always have their notification
// centres.
func desktopNotifications() bool { return true }
