//! Saving text as a file the learner downloads.

use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name`. Errors describe what the browser refused.
pub fn download_text(file_name: &str, text: &str) -> Result<(), String> {
    let fail =
        |what: &str| format!("the browser could not {what}; try again or use another browser");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("prepare the file"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("prepare the file"))?;
    let anchor = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("start the download"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
