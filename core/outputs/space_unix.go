//go:build unix

package outputs

import "syscall"

// freeSpace is how many bytes an unprivileged user can still write on the
// disk that holds dir.
func freeSpace(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}
