import Layout from '../components/Layout';
// import Link from 'next/link';
const framework_for_golang = () => (
<Layout>
{/* <div className="container"> */}
<div className="main">
        <h2>Frameworks for Golang</h2>
        <div className="contains">
            <h1>1. Beego</h1>
            Beego is Open Source, high performance framwork for go programming.
            <br></br>
            <br></br>
            Beego Framework has many features.Such as 
            <ul>
                <li> Restful support</li>
                <li>MVC Model</li>
                <li>Automated testing</li>
                <li>Automated packing and deploying</li>
                <li>ORM supporting</li> and etc...

            </ul>
            <h1>2. Gin Gonic</h1>
            
            Gin is a web framwork written in Golang. It features a martini like API
            with give much better performance and give up to 40 times faster.
            If you have knowledge of Martini than you can learn gin in 10 minutes.
            <br></br>
            <br></br>
            Gin Gonic is a minimalistic Framework that includes only the libraries and features.
            This makes it perfect for developing high performance
            Rest API. Which is 40 times faster thanks to httprouter.
            If you need performance and good productivity, you will love Gin.
            <br></br>
            <br></br>
            You can add Radix tree based routing,small memory foot print, No reflection, 
            Predictable API performance, middleware, JSON validation, Routes grouping,
            Error management, Rendering builtin, Extendable  and etc...
            <h1>3. Buffalo</h1>
            Buffalo is Go web development Framework that easy to start and learn and is designed to
            make the life of a  Go web developer easier.
            <br></br>
            <br></br>
            Buffalo helps you to generate a web project that already has everything
            setup for you from front-end(Javascript, SCSS, etc.) to back-end (database, routing, etc)
            development and everything already hooked up and ready to run.
            <h1>4. Revel</h1>
            Revel is high productivity Framework for Go, It have reuseable
            MVC Components. 
            <div className="why">
            Revel Provide 
            </div>
            Routing, Parameter Parsing, Template Engine, Revel Mux, Validation,
            Session/Flash, Caching, Job Running, Testing Framework , Even Internationalization and etc...

            <h1>5. IRIS</h1> 
            The fastest backend web Framework for Go.
            There are many features of IRIS Framework. Those are:-
            <div className="why">
                Crossplateform
            </div>
            Write one and run anywhere ie, Android, IOS, Linux and Windows
            etc. with the minimum machine power, It is backed on Google Go,
            Only one excutable server on all plateforms.
            <div className="why">
                Easy To Use
            </div>
            IRIS know for simple and powerful api. It's the only one Go
            Framework with rich support of the MVC Architectural Pattern with near
            zero performance cost.
            <div className="why">
                Microservices
            </div>
            It's easy to build Microservices with IRIS.
            <h1>6. Echo</h1> 
            Echo is high performance, minimalist Go web Framework.
            There are many features of Echo Framework. Those are:-
            <div className="why">
                Optimizer Router
            </div>
            Highly Optimized HTTP router with zero dynamic memory allocation.
            <div className="why">
                Scalable
            </div>
            build robust and Scalable Restful api and easily organized inti groups.
            <div className="why">
                Automatic TLS
            </div>
            Automatically install TLS certificates from Let's Encrypt.
            <div className="why">
                HTTP/2
            </div>
            It Support HTTP/2. Improves speed and provides better user experiencec.
            <div className="why">
                    Templates
            </div>
            Use any template engine.
            <div className="why">
                Other features
            </div>
            Middleware, Data Binding, Data Rendering, Extensible and etc...
            <h1>7. Gem Web Framework</h1> 
            Gem is a simple and fast web Framework written in Go. 
            Gin is user-friendly to Rest API. It support HTTP/2 with <code>go1.8</code>
            version. It frequently used middlewares
            <div className="why">
                Features
            </div>
            <ul>
                <li>High performance</li>
                <li>User-Friendly to Rest API</li>
                <li>Pretty and fast router(httprouter)</li>
                <li>HTTP/2 support</li>
                <li>Use Middleware</li>
                <ul>
                    <li>CORS Middleware</li>
                    <li>AUTH Middleware</li>
                    <li>JWT Middleware</li>
                    <li>Request Body Limit Middleware</li>
                    <li>Rate Limiting Middleware</li>
                    <li>CSRF Middleware</li>
                </ul>
                <li>Frozen APIs</li>
                etc...
            </ul>
            There are many Frameworks and libraries but  I don't want to
            cover to cover now.  you can see more Frameworks latter.
        
        </div>  
     </div>  

{/* </div> */}
</Layout>



);

export default framework_for_golang;

