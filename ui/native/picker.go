// Package native opens the operating system's own file dialogs: GTK 3 on
// Linux (loaded the first time a dialog opens, see gtk_linux.go), Cocoa on
// macOS and Win32 on Windows (through sqweek/dialog). Only main imports it,
// so the rest of the UI tests without a native toolkit.
package native

// Picker is kit.FilePicker on the OS's dialogs.
type Picker struct{}

// Open asks for one file.
func (Picker) Open(title, kind string, extensions []string, dir string) (string, error) {
	return openFile(title, kind, extensions, dir)
}

// Folder asks for a folder.
func (Picker) Folder(title, dir string) (string, error) {
	return openFolder(title, dir)
}
