import Image from 'next/image'
const RubyFrameworkBlog = () => {
  return (
    <>
      <div className="hire-container  blog-page-container ">
        <div className="blog-shades">
          <h1 className="hire-h1">
            Ruby Frameworks For Web Development In 2023
          </h1>
          <div className="text-center p-4 border border-2 border-muted">
            <Image
              src="/blog_images/ruby-framework.webp"
              width={1060}
              height={530}
            />
            {/* <img src="/blog_images/cost_pwa.webp" style={{width:"1060px"}}/> */}
          </div>
          <p className="hire-p">
            <br />
            <br />
            Ruby is one of the most widely used languages as it was designed to
            meet the requirements of programmers. It is an eminent programming
            language that was specially developed for creating web applications.{' '}
            <br />
            <br />
            Ruby and its frameworks are easy to use for app and web development.
            The framework named Ruby on Rails is the most commonly used and is
            famous among programmers because of its ease of use and high
            quality. <br />
            <br />
            In this article, we will explore the list of best Ruby frameworks.{' '}
            <br />
            <br />
            So, let’s dive in!
          </p>

          <h2 className="hire-h2">Ruby on Rails</h2>
          <p className="hire-p">
            Ruby on Rails is a back-end web framework that was developed in
            2004. It is one of the most famous Ruby web frameworks and has
            received more than 49,000 ratings on GitHub. Its MVC
            (Model-view-controller) framework architecture is used by more than
            1,060,553 active websites. Rails are extensively recognized as a
            stable and reliable Ruby framework. Numerous well-known companies
            such as Shopify, GitHub, and Zendesk have adopted the Ruby on Rails
            framework just because of its functional qualities and popularity.
            Most developers use Ruby on Rails because it is one of the best and
            most reliable open-source software to build web applications.
          </p>
          <h3 className="hire-h3">Features of Ruby on Rails:</h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">MVC Architecture</p>
            </li>
            <li>
              <p className="hire-p">Convention ober Configuration</p>
            </li>
            <li>
              <p className="hire-p">Active Record</p>
            </li>
            <li>
              <p className="hire-p">Automated Deployment</p>
            </li>
            <li>
              <p className="hire-p">Simple Testing Tool</p>
            </li>
          </ul>

          <h3 className="hire-h3">
            Some popular companies using Ruby on Rails:
          </h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Airbnb</p>
            </li>
            <li>
              <p className="hire-p">Netflix</p>
            </li>
            <li>
              <p className="hire-p">Crunchbase</p>
            </li>
          </ul>

          <h2 className="hire-h2">Hanami/Lotus</h2>
          <p className="hire-p">
            Hanami, formerly known as Lotus, is a fantastic Ruby framework that
            gives priority to speed, efficiency, and security. It was created in
            2014 and is one of the finest Ruby frameworks. The cardinal goal of
            Hanami is to restore object orientation, meeting all of the needs.{' '}
          </p>
          <h3 className="hire-h3">Features of Hanami/Lotus:</h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Less Memory Consumption</p>
            </li>
            <li>
              <p className="hire-p">Simple Design</p>
            </li>
            <li>
              <p className="hire-p">Simple & Easy Coding</p>
            </li>
            <li>
              <p className="hire-p">Secure</p>
            </li>
          </ul>

          <h3 className="hire-h3">
            Some popular companies using Hanami/Lotus:
          </h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Netflix</p>
            </li>
            <li>
              <p className="hire-p">Crunchbase</p>
            </li>
            <li>
              <p className="hire-p">Airbnb</p>
            </li>
          </ul>

          <h2 className="hire-h2">Padrino</h2>
          <p className="hire-p">
            Padrino is an open-source framework that is both stunning and
            functional. The framework is based on the Sinatra library which
            makes it convenient for coders to continually do their projects.
          </p>
          <h3 className="hire-h3">Features of Padrino </h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">One of the Fastest Frameworks</p>
            </li>
            <li>
              <p className="hire-p">Simple Development</p>
            </li>
            <li>
              <p className="hire-p">Functionally Rich </p>
            </li>
            <li>
              <p className="hire-p">Reliable</p>
            </li>
            <li>
              <p className="hire-p">Design Capabilities</p>
            </li>
          </ul>
          <ul className="hire-list">
            <h3 className="hire-h3">Some popular companies using Padrino</h3>
            <li>
              <p className="hire-p">Enterprises SmartMedia</p>
            </li>
            <li>
              <p className="hire-p">Coca Cola</p>
            </li>
            <li>
              <p className="hire-p">Brainfeed</p>
            </li>
            <li>
              <p className="hire-p">HRPartner</p>
            </li>
          </ul>

          <h2 className="hire-h2">Sinatra</h2>
          <p className="hire-p">
            Sinatra, a free and open-source alternative to Ruby on Rails used
            for web development, is known as Sinatra. The framework was launched
            in 2007 as a Ruby web library. Unlike Ruby on Rails, it doesn’t
            support MVC patterns and instead promotes developing web
            applications from scratch. Moreover, this architecture has been used
            by numerous largest internet organizations, such as Apple, LinkedIn,
            and Stripe.
          </p>
          <h3 className="hire-h3">Features of Sinatra </h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Lightweight & Simple</p>
            </li>
            <li>
              <p className="hire-p">Proficient</p>
            </li>
            <li>
              <p className="hire-p">Cross-Platform & Open-Source </p>
            </li>
            <li>
              <p className="hire-p">Unbiased </p>
            </li>
          </ul>
          <h3 className="hire-h3">Some popular companies use Sinatra</h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">ELinkedIn</p>
            </li>
            <li>
              <p className="hire-p">Apple</p>
            </li>
            <li>
              <p className="hire-p">GitHub</p>
            </li>
            <li>
              <p className="hire-p">Engine Yard</p>
            </li>
          </ul>

          <h2 className="hire-h2">Ramaze</h2>
          <p className="hire-p">
            Ramaze framework is used by numerous developers for web development.
            as it is the most reliable and best lightweight ruby web framework.
          </p>
          <h3 className="hire-h3">Features of Ramaze </h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Simple Interface </p>
            </li>
            <li>
              <p className="hire-p">Fast & Bug-Free </p>
            </li>
            <li>
              <p className="hire-p">WEBrick </p>
            </li>
            <li>
              <p className="hire-p">Template Engines</p>
            </li>
            <li>
              <p className="hire-p">ORM Compatibility</p>
            </li>
          </ul>
          <h2 className="hire-h2">CUBA</h2>
          <p className="hire-p">
            Cuba is an open-source framework aimed to streamline the process of
            development of business applications.
          </p>
          <h3 className="hire-h3">Features of Cuba</h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">
                Swift API development and web development
              </p>
            </li>
            <li>
              <p className="hire-p">
                Small apps and landing pages without modern features{' '}
              </p>
            </li>
            <li>
              <p className="hire-p">
                Secure web portals as well as eCommerce websites
              </p>
            </li>
          </ul>
          <h3 className="hire-h3">Some popular companies use Cuba</h3>

          <ul className="hire-list">
            <li>
              <p className="hire-p">Citrusby</p>
            </li>
            <li>
              <p className="hire-p">13Floor</p>
            </li>
            <li>
              <p className="hire-p">QuillContent</p>
            </li>
            <li>
              <p className="hire-p">Teredis.io</p>
            </li>
          </ul>

          <h2 className="hire-h2">Goliath</h2>
          <p className="hire-p">
            Goliath is one of the best and most reliable Ruby web frameworks
            thanks to its amazing features. This framework established its
            dominance over the other Ruby frameworks.
          </p>
          <h3 className="hire-h3">Features of Goliath</h3>

          <ul className="hire-list">
            <li>
              <p className="hire-p">Simple Routing</p>
            </li>
            <li>
              <p className="hire-p">Secure</p>
            </li>
            <li>
              <p className="hire-p">SecureIndividual Servers</p>
            </li>
            <li>
              <p className="hire-p">Easy Code Understanding</p>
            </li>
            <li>
              <p className="hire-p">Dedicated Request Channel</p>
            </li>
          </ul>

          <h2 className="hire-h2">NYNY</h2>
          <p className="hire-p">
            NYNY is also called the New York, New York Framework. It is one of
            the reliable Ruby web frameworks. This framework structure uses
            micro-web frameworks to test applications as well as technologies
            for compatibility with browsers.
          </p>
          <h3 className="hire-h3">Features of NYNY</h3>
          <ul className="hire-list">
            <li>
              <p className="hire-p">Seamless Development</p>
            </li>
            <li>
              <p className="hire-p">Feature Rich</p>
            </li>
            <li>
              <p className="hire-p">Easy to Interact</p>
            </li>
            <li>
              <p className="hire-p">Small Applications</p>
            </li>
            <li>
              <p className="hire-p">Faster Routing</p>
            </li>
          </ul>
          <h3 className="hire-h3">In Conclusion,</h3>
          <p className="hire-p">
            The above-mentioned are the top frameworks of Ruby and are the
            choice of many web developers, marketing managers, startup founders,
            entrepreneurs, or marketing managers. <br />
            <br />
            Get in touch with a professional Ruby on Rails development company
            like us, and we are here to handle numerous aspects of a web
            application.
          </p>
        </div>
      </div>
    </>
  )
}

export default RubyFrameworkBlog
