<h1>Database Platforms</h1>
<p>Choosing the right database engine is one of the most important decisions you'll make at the start of a project. While SQL is a standard, different platforms excel in different areas.</p>

<h2>The "Big Three" of Open Source</h2>

<h3>1. MySQL (The Popular Choice)</h3>
<p>MySQL is the backbone of the internet. It is the most used database in web development due to its speed and ease of use.</p>
<ul>
    <li><strong>Pros:</strong> Huge community support, extremely fast for read-heavy apps (like blogs), and available on every host.</li>
    <li><strong>Cons:</strong> Limited support for some advanced SQL features compared to PostgreSQL.</li>
    <li><strong>Best for:</strong> WordPress, simple e-commerce, and general web applications.</li>
</ul>

<h3>2. PostgreSQL (The Advanced Choice)</h3>
<p>Often called "the most advanced open-source relational database." It focuses on standard compliance and reliability.</p>
<ul>
    <li><strong>Pros:</strong> Support for advanced data types (like JSON and Geometry), powerful indexing, and superior handling of complex, massive queries.</li>
    <li><strong>Cons:</strong> Can be slightly more complex to configure than MySQL.</li>
    <li><strong>Best for:</strong> Data analysis, large enterprise systems, and apps requiring geographic data (GIS).</li>
</ul>

<h3>3. SQLite (The Portable Choice)</h3>
<p>Unlike MySQL or PostgreSQL, SQLite is not a "server." It is a library that stores the entire database in a single <code>.db</code> file on your disk.</p>
<ul>
    <li><strong>Pros:</strong> Zero configuration required. Super fast because there is no network overhead.</li>
    <li><strong>Cons:</strong> Not suitable for high-traffic websites where many users are writing data at the same time.</li>
    <li><strong>Best for:</strong> Mobile apps (iOS/Android), local desktop tools, and development/testing.</li>
</ul>

<h2>Commercial Alternatives</h2>
<ul>
    <li><strong>Microsoft SQL Server:</strong> Heavily used in corporate environments that run on the Windows/DOTNET stack.</li>
    <li><strong>Oracle Database:</strong> The "titan" of the corporate world. Extremely expensive but offers unmatched security and performance for the largest banks and governments.</li>
</ul>

<div class="alert alert-info">
    <strong>Decision Tool:</strong>
    <ul>
        <li>Need something quick and standard? -> <strong>MySQL</strong></li>
        <li>Need advanced data integrity and complex features? -> <strong>PostgreSQL</strong></li>
        <li>Building a mobile app or a small local tool? -> <strong>SQLite</strong></li>
    </ul>
</div>

<h2>What about NoSQL?</h2>
<p>Non-relational databases like <strong>MongoDB</strong> or <strong>Redis</strong> store data as flexible documents or key-value pairs rather than tables. These are great for "unstructured" data like real-time chats or social feeds where the structure changes constantly.</p>

<div class="alert alert-warning">
    <strong>Pro Tip:</strong> Most modern applications now use a "Multi-model" approach—using a relational database (PostgreSQL) for user data and a NoSQL database (Redis) for super-fast caching.
</div>
