//! Headless Chromium from the command line: a page's DOM after a
//! measuring script has run, and screenshots. Every run gets a fresh
//! profile folder and a time limit.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The flags that keep Chromium quiet and offline on a CI machine.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--mute-audio",
];

/// How long one Chromium run may take.
const LIMIT: Duration = Duration::from_secs(90);

/// A page that shows the page under test in an `<iframe>` exactly WIDTH
/// pixels wide (a phone's width is below the smallest window headless
/// Chromium opens), measures it once it has loaded, and writes the result,
/// as JSON, into a `<pre id="hirekit-measure">` that `--dump-dom` shows.
const MEASURE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>measure</title></head>
<body style="margin:0">
<iframe id="page" title="page" style="display:block;border:0;width:WIDTHpx;height:900px" srcdoc="SRCDOC"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {
  var win = this.contentWindow, d = this.contentDocument, w = win.innerWidth;
  var all = function (s) { return Array.prototype.slice.call(d.querySelectorAll(s)); };
  var text = function (e) { return e.textContent.replace(/\s+/g, " ").trim(); };
  var r = {
    innerWidth: w,
    scrollWidth: d.documentElement.scrollWidth,
    h1: all("h1").map(text),
    h2: all("h2").map(text),
    tables: all("table").map(function (t) {
      return {
        th: t.querySelectorAll("thead th").length,
        rows: Array.prototype.map.call(t.rows, function (row) { return Array.prototype.map.call(row.cells, text); })
      };
    }),
    jsonld: all('script[type="application/ld+json"]').map(function (s) {
      try { return JSON.parse(s.textContent); } catch (e) { return { parseError: String(e) }; }
    }),
    overflowing: all("main *").filter(function (e) {
      return e.getBoundingClientRect().right > w + 1 && !e.closest(".table-wrap");
    }).map(function (e) { return e.tagName + ": " + text(e).slice(0, 60); }).slice(0, 10)
  };
  var pre = document.createElement("pre");
  pre.id = "hirekit-measure";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
});
</script>
</body></html>
"#;

/// A Chromium binary.
pub struct Chromium {
    bin: String,
}

impl Chromium {
    /// Chromium, if installed (`CHROMIUM` names another binary).
    pub fn find() -> Option<Chromium> {
        let candidates = std::env::var("CHROMIUM")
            .into_iter()
            .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from));
        for bin in candidates {
            let ok = Command::new(&bin)
                .arg("--version")
                .stderr(Stdio::null())
                .output()
                .is_ok_and(|o| o.status.success());
            if ok {
                return Some(Chromium { bin });
            }
        }
        None
    }

    /// Runs Chromium on a page with `args`, returning its stdout.
    fn run(&self, page: &Path, width: u32, height: u32, args: &[String]) -> String {
        let profile = TempDir::new().unwrap();
        let out_path = profile.path().join("stdout.txt");
        let err_path = profile.path().join("stderr.txt");
        let url = format!("file://{}", page.canonicalize().unwrap().display());
        let mut child = Command::new(&self.bin)
            .args(FLAGS)
            .arg(format!(
                "--user-data-dir={}",
                profile.path().join("p").display()
            ))
            .arg(format!("--window-size={width},{height}"))
            .args(args)
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(File::create(&out_path).unwrap())
            .stderr(File::create(&err_path).unwrap())
            .spawn()
            .expect("start chromium");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > LIMIT {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "chromium took more than {LIMIT:?} on {url}\n{}",
                    std::fs::read_to_string(&err_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(
            status.success(),
            "chromium failed on {url}: {status}\n{}",
            std::fs::read_to_string(&err_path).unwrap_or_default()
        );
        std::fs::read_to_string(&out_path).unwrap()
    }

    /// Loads `page` in a frame `width` pixels wide and returns the
    /// measurements of [`MEASURE`].
    pub fn measure(&self, page: &Path, width: u32) -> serde_json::Value {
        let html = std::fs::read_to_string(page).unwrap();
        let srcdoc = html.replace('&', "&amp;").replace('"', "&quot;");
        let wrapper = MEASURE
            .replace("WIDTH", &width.to_string())
            .replace("SRCDOC", &srcdoc);
        let copy = page.with_extension(format!("measure-{width}.html"));
        std::fs::write(&copy, wrapper).unwrap();
        let dom = self.run(&copy, width + 40, 1000, &["--dump-dom".to_string()]);
        let _ = std::fs::remove_file(&copy);
        let doc = scraper::Html::parse_document(&dom);
        let pre = scraper::Selector::parse("#hirekit-measure").unwrap();
        let json: String = doc
            .select(&pre)
            .next()
            .unwrap_or_else(|| {
                panic!(
                    "the measuring script did not run on {}:\n{dom}",
                    page.display()
                )
            })
            .text()
            .collect();
        serde_json::from_str(&json).unwrap()
    }

    /// Takes a screenshot of `page` in a window `width` × `height` and
    /// returns the PNG's path.
    pub fn screenshot(&self, page: &Path, png: &Path, width: u32, height: u32) -> PathBuf {
        let _ = std::fs::remove_file(png);
        self.run(
            page,
            width,
            height,
            &[format!("--screenshot={}", png.display())],
        );
        assert!(png.is_file(), "no screenshot at {}", png.display());
        png.to_path_buf()
    }
}

/// A decoded screenshot's size and how much of it is not background.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// Share of pixels that differ from the top-left pixel.
    pub ink: f64,
}

/// Reads a PNG.
pub fn picture(png: &Path) -> Picture {
    let decoder = png::Decoder::new(std::io::BufReader::new(File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let depth = if info.bit_depth == png::BitDepth::Sixteen {
        2
    } else {
        1
    };
    let px = info.color_type.samples() * depth;
    let first = &bytes[..px];
    let pixels = bytes.chunks_exact(px);
    let total = pixels.len().max(1);
    let ink = pixels.filter(|p| *p != first).count();
    Picture {
        width: info.width,
        height: info.height,
        ink: ink as f64 / total as f64,
    }
}
