import React from 'react';


export default function cssfw() {
return (
	<div>

<main class="row">
        <article class="col">

        </article>
        <article class="col-8 text-left">

            <h2 class="text-3xl font-bold">CSS Frameworks</h2>
            <h3 class="text-2xl font-bold">Bootstrap v5</h3>

            <section class="block-paragraph">
                <div class="rich-text">
                    <p>
                        Bootstrap is a free and open-source CSS framework directed at responsive, mobile-first front-end web development. It
                        contains CSS- and JavaScript-based design templates for typography, forms, buttons, navigation, and other interface
                        components.
                    </p>
                    <br/>
                    <p>
                        Bootstrap was developed by Mark Otto and Jacob Thornton at Twitter as a framework to encourage consistency across internal tools.
                        Before Bootstrap, various libraries were used for interface development, which led to inconsistencies and a high
                        maintenance burden.
                    </p>
                    <br/>
                    |
                    <a class="text-sky-500 dark:text-sky-400" href="https://getbootstrap.com/"> Bootstrap v5 Website </a>
                    |
                </div>
                <hr></hr>

            </section>

            <h3 class="text-2xl font-bold">Foundation 6</h3>
            
            <section class="block-paragraph">
                <div class="rich-text">
                    <p>
                        Foundation is a responsive front-end framework. Foundation provides a responsive grid and HTML and CSS UI components,
                        templates, and code snippets, including typography, forms, buttons, navigation and other interface elements, as well as
                        optional functionality provided by JavaScript extensions.
                    </p>
                    <br/>
                    <p>
                        A Framework for any device, medium, and accessibility. Foundation is a family of responsive front-end frameworks that
                        make it easy to design beautiful responsive websites, apps and emails that look amazing on any device. Foundation is
                        semantic, readable, flexible, and completely customizable. We’re constantly adding new resources and code snippets,
                        including these handy HTML templates to help get you started!
                    </p>
                    <br/>
                    |
                    <a class="text-sky-500 dark:text-sky-400" href="https://get.foundation/"> Foundation 6 Website </a>
                    |
                <hr></hr>
                </div>
            </section>


            <h3 class="text-2xl font-bold">Tailwindcss</h3>

            <section class="block-paragraph">
                <div class="rich-text">

                    <p>
                        Tailwind CSS is a utility-first CSS framework for rapidly building custom user interfaces. I like to think of it as a
                        cool way to write inline styling and achieve an awesome interface without writing a single line of your own CSS.
                        Rapidly build modern websites without ever leaving your HTML.
                    </p>
                    <br/>
                    <p>
                        A utility-first CSS framework packed with classes like flex, pt-4, text-center and rotate-90 that can be composed to
                        build any design, directly in your markup.
                    </p>
                    <br/>
                    |
                    <a class="text-sky-500 dark:text-sky-400" href="https://tailwindcss.com/"> Tailwindcss Website </a>
                    |
                    <hr></hr>
                    <br></br>
                </div>
            </section>
        </article>
        <article class="col">

        </article>
    </main>
    </div>
);
};
