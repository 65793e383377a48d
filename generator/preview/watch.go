package preview

import (
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes to files below a set of folders, subfolders
// included (fsnotify watches one folder at a time, so each is added, and
// folders created later are added as they appear).
type watcher struct {
	fs      *fsnotify.Watcher
	changes chan string
	done    chan struct{}
}

func newWatcher(roots []string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, changes: make(chan string, 64), done: make(chan struct{})}
	for _, root := range roots {
		if err := w.addTree(root); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.run()
	return w, nil
}

// addTree watches root and every folder below it.
func (w *watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && ignored(d.Name()) {
				return filepath.SkipDir
			}
			return w.fs.Add(path)
		}
		return nil
	})
}

// run turns fsnotify's events into changes, until the watcher is closed.
func (w *watcher) run() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ignored(filepath.Base(ev.Name)) || ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new folder: watch it too; a file: a no-op
			}
			select {
			case w.changes <- ev.Name:
			default: // a rebuild is already due
			}
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
		}
	}
}

func (w *watcher) close() {
	w.fs.Close()
	<-w.done
}

// ignored reports names that are not the project's files: hidden files
// and folders, and editors' backup and swap files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp")
}
