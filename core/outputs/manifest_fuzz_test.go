package outputs

import (
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/hostile"
	"singlecam/core/safefile"
)

// FuzzReadManifest: whatever a job folder's manifest holds, reading it
// never panics and never yields a file name outside the folder.
func FuzzReadManifest(f *testing.F) {
	f.Add([]byte(`{"jobId":"job-1","name":"Walk","files":{"f1":{"format":"main_fbx","name":"Walk - main.fbx","size":4,"done":true}}}`))
	f.Add([]byte(`{"jobId":"job-1","files":{"f1":{"name":"../../victim.fbx"},"f2":{"name":"/etc/passwd"},"f3":null,"f4":{"name":"a\\b"}}}`))
	f.Add([]byte(`{"jobId":"job-1","files":{"f1":{"name":".singlecam-job.json","done":true}}}`))
	for _, data := range hostile.Seeds(hostile.Manifest, "") { // crafted files (core/hostile)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ManifestName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := readManifest(dir)
		if err != nil {
			return
		}
		for id, note := range m.Files {
			if note == nil || !safefile.IsPlain(note.Name) || note.Name == ManifestName {
				t.Fatalf("file %s kept with name %+v", id, note)
			}
		}
	})
}
