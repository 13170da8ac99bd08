//! The root component: header, the sample picker and the result.

use yew::prelude::*;

use super::result_view::{EvaluationView, InputErrorView};
use super::sample_picker::SamplePicker;
use super::state::{Action, Outcome, Screening};

#[component]
pub fn App() -> Html {
    let screening = use_reducer(Screening::initial);
    let on_choose = {
        let screening = screening.dispatcher();
        Callback::from(move |id: String| screening.dispatch(Action::ChooseSample(id)))
    };
    let body = match &screening.outcome {
        Outcome::Evaluated(ev) => html! { <EvaluationView evaluation={ev.clone()} /> },
        Outcome::Invalid(err) => html! { <InputErrorView error={err.clone()} /> },
        Outcome::Empty => {
            html! { <p>{"没有示例家庭。"}<span class="en" lang="en">{"No sample households."}</span></p> }
        }
    };
    html! {
        <>
            <header class="site-header">
                <h1>{"救助自查"}<span class="en" lang="en">{"jiuzhu — social assistance self-check"}</span></h1>
                <p class="tagline">
                    {"看看您家可能符合哪些社会救助。所有计算都在本机完成，不上传任何信息。"}
                    <span class="en" lang="en">
                        {"See which social assistance your family may qualify for. Everything is worked out on this device; nothing is sent anywhere."}
                    </span>
                </p>
            </header>
            <main id="main">
                <SamplePicker selected={AttrValue::from(screening.sample_id)} on_choose={on_choose} />
                <div aria-live="polite">{ body }</div>
            </main>
        </>
    }
}
