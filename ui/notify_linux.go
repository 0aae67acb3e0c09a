//go:build linux

package ui

import (
	"slices"

	"github.com/godbus/dbus/v5"
)

// notificationsName is the D-Bus name of the desktop's notification service.
const notificationsName = "org.freedesktop.Notifications"

// desktopNotifications: a notification service runs on the session bus, or
// the bus can start one.
func desktopNotifications() bool {
	conn, err := dbus.SessionBus() // shared with Fyne: never closed
	if err != nil {
		return false
	}
	var owned bool
	if conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, notificationsName).Store(&owned) == nil && owned {
		return true
	}
	var activatable []string
	if conn.BusObject().Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&activatable) != nil {
		return false
	}
	return slices.Contains(activatable, notificationsName)
}
